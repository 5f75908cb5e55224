namespace WijPlatform.Cafe.Model;

/// <summary>A home delivery to be placed in a round.</summary>
public sealed record DeliveryAddress(Guid OrderId, string Postcode, string Street, string HouseNumber);

public sealed record PlannedRound(int Number, string Postcode, IReadOnlyList<DeliveryAddress> Stops);

public static class RoundPlanner
{
    /// <summary>
    /// Groups a day's deliveries into rounds of at most <paramref name="maxStops"/> stops. A street stays
    /// in one round unless it alone has more stops than a round holds; streets follow each other in
    /// postcode order (Dutch postcodes run through a neighbourhood street by street), and within a
    /// street the deliverer walks up one side (odd numbers) and back down the other (even numbers).
    /// </summary>
    public static IReadOnlyList<PlannedRound> Plan(IEnumerable<DeliveryAddress> deliveries, int maxStops)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStops, 1);
        var streets = deliveries
            .GroupBy(d => (Area: AreaOf(d.Postcode), Street: d.Street.Trim().ToUpperInvariant()))
            .Select(g => g.ToList())
            .OrderBy(g => g.Min(d => Postcodes.Normalise(d.Postcode)), StringComparer.Ordinal)
            .ThenBy(g => g[0].Street, StringComparer.OrdinalIgnoreCase)
            .Select(WalkingOrder);

        var rounds = new List<List<DeliveryAddress>>();
        var current = new List<DeliveryAddress>();
        foreach (var street in streets)
        {
            if (current.Count > 0 && current.Count + street.Count > maxStops)
            {
                rounds.Add(current);
                current = [];
            }
            foreach (var stop in street)
            {
                if (current.Count == maxStops)
                {
                    rounds.Add(current);
                    current = [];
                }
                current.Add(stop);
            }
        }
        if (current.Count > 0)
        {
            rounds.Add(current);
        }
        return rounds.Select((stops, i) => new PlannedRound(i + 1, Postcodes.Normalise(stops[0].Postcode), stops)).ToList();
    }

    private static List<DeliveryAddress> WalkingOrder(List<DeliveryAddress> street)
    {
        var numbered = street.Select(d => (Stop: d, Number: HouseNumber.Parse(d.HouseNumber))).ToList();
        var odd = numbered.Where(n => n.Number.Value % 2 == 1).OrderBy(n => n.Number.Value).ThenBy(n => n.Number.Addition, StringComparer.Ordinal);
        var even = numbered.Where(n => n.Number.Value % 2 == 0).OrderByDescending(n => n.Number.Value).ThenByDescending(n => n.Number.Addition, StringComparer.Ordinal);
        return odd.Concat(even).Select(n => n.Stop).ToList();
    }

    private static string AreaOf(string postcode)
    {
        var normalised = Postcodes.Normalise(postcode);
        return normalised[..Math.Min(4, normalised.Length)];
    }
}

/// <summary>A Dutch house number such as 12, 12a or 12-2: the number first, then its addition.</summary>
public readonly record struct HouseNumber(int Value, string Addition)
{
    public static HouseNumber Parse(string text)
    {
        var trimmed = text.Trim();
        var digits = new string(trimmed.TakeWhile(char.IsAsciiDigit).ToArray());
        return new(int.TryParse(digits, out var value) ? value : 0, trimmed[digits.Length..].Trim(' ', '-').ToUpperInvariant());
    }
}

public static class Postcodes
{
    /// <summary>"3705ab" and "3705 AB" are the same Dutch postcode; written as "3705 AB" (the shared parser); anything else as it came, upper case.</summary>
    public static string Normalise(string postcode) => Postcode.Normalise(postcode) ?? postcode.Trim().ToUpperInvariant();
}
