namespace WijPlatform.Contracts.Vocabulary;

/// <summary>
/// Which neighbourhood (wijk), and so which neighbourhood team, a postcode's four digits belong to: the one
/// map of every service. Configured as entries
/// "9711-9712" = "Groningen Centrum" (a single "3706" works too); the narrowest range wins, so a
/// whole city can be a fallback for its unlisted postcodes.
/// </summary>
public sealed class NeighbourhoodTable
{
    private readonly List<(int From, int To, string Name)> _ranges;

    public NeighbourhoodTable(IEnumerable<KeyValuePair<string, string>> entries)
    {
        _ranges = [];
        foreach (var (key, name) in entries)
        {
            var parts = key.Split('-', 2, StringSplitOptions.TrimEntries);
            if (!int.TryParse(parts[0], out var from) || !int.TryParse(parts.Length == 2 ? parts[1] : parts[0], out var to)
                || from is < 1000 or > 9999 || to < from || to > 9999 || string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"Neighbourhood range '{key}' must be four digits or two joined by '-', with a name.", nameof(entries));
            }
            _ranges.Add((from, to, name.Trim()));
        }
    }

    /// <summary>The table shipped for the two pilot towns, Groningen (97xx) and Zeist (37xx).</summary>
    public static NeighbourhoodTable Default { get; } = new(new Dictionary<string, string>
    {
        ["9700-9799"] = "Groningen",
        ["9711-9712"] = "Groningen Centrum",
        ["9713-9716"] = "Groningen Oud-Noord en Oosterpark",
        ["9717-9718"] = "Groningen Oud-West",
        ["9721-9728"] = "Groningen Zuid",
        ["9731-9737"] = "Groningen Oost",
        ["9741-9747"] = "Groningen Noordwest",
        ["3700-3799"] = "Zeist",
        ["3701-3702"] = "Zeist Centrum",
        ["3703-3704"] = "Zeist West",
        ["3705"] = "Zeist Oost",
        ["3706-3707"] = "Zeist Noord",
        ["3708-3709"] = "Zeist Zuid",
    });

    public string? Find(Postcode postcode)
    {
        var digits = postcode.Pc4;
        return _ranges.Where(r => r.From <= digits && digits <= r.To).OrderBy(r => r.To - r.From).Select(r => r.Name).FirstOrDefault();
    }

    /// <summary>The neighbourhood of a postcode given as text; null when it is no postcode or lies outside the map.</summary>
    public string? Find(string? postcode) => Postcode.TryParse(postcode, out var parsed) ? Find(parsed.Value) : null;
}
