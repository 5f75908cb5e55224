namespace WijPlatform.Cafe.Model;

/// <summary>One placed order as the kitchen sees it, with the diet of the resident who ordered.</summary>
public sealed class KitchenLine
{
    public Guid OrderId { get; init; }

    public string ResidentName { get; init; } = "";

    public string Dish { get; init; } = "";

    public string Fulfilment { get; init; } = "";

    public int Portions { get; init; }

    public string? SpecialRequest { get; init; }

    public string[] ConfirmedConflicts { get; init; } = [];

    public string[] Diets { get; init; } = [];

    public string Texture { get; init; } = "normal";

    public string[] Allergies { get; init; } = [];
}

public sealed record DishCount(string Dish, int Portions, int EatIn, int PickUp, int Delivery);

public sealed record DietCount(string Diet, int Portions);

public sealed record KitchenNote(Guid OrderId, string ResidentName, string Dish, string Fulfilment, string? SpecialRequest, string[] Allergies, string[] ConfirmedConflicts);

/// <summary>What the kitchen cooks on a day: portions per dish and per diet, the seats to lay, and the notes to read.</summary>
public sealed record KitchenSheet(DateOnly Date, int Portions, int SeatsNeeded, IReadOnlyList<DishCount> Dishes, IReadOnlyList<DietCount> Diets, IReadOnlyList<KitchenNote> Notes, int Waitlisted)
{
    public static KitchenSheet From(DateOnly date, IReadOnlyList<KitchenLine> lines, int waitlisted)
    {
        int Sum(IEnumerable<KitchenLine> selected) => selected.Sum(l => l.Portions);
        var dishes = lines.GroupBy(l => l.Dish)
            .Select(g => new DishCount(g.Key, Sum(g), Sum(g.Where(l => l.Fulfilment == "eat-in")), Sum(g.Where(l => l.Fulfilment == "pick-up")), Sum(g.Where(l => l.Fulfilment == "delivery"))))
            .OrderByDescending(d => d.Portions).ToList();
        var diets = lines.SelectMany(l => l.Diets.Append(l.Texture == "pureed" ? "pureed" : null).Concat(l.Allergies.Select(a => $"no-{a}")).OfType<string>().Select(d => (Diet: d, l.Portions)))
            .GroupBy(d => d.Diet).Select(g => new DietCount(g.Key, g.Sum(d => d.Portions))).OrderBy(d => d.Diet, StringComparer.Ordinal).ToList();
        var notes = lines.Where(l => l.SpecialRequest is not null || l.Allergies.Length > 0 || l.ConfirmedConflicts.Length > 0)
            .Select(l => new KitchenNote(l.OrderId, l.ResidentName, l.Dish, l.Fulfilment, l.SpecialRequest, l.Allergies, l.ConfirmedConflicts)).ToList();
        return new KitchenSheet(date, Sum(lines), Sum(lines.Where(l => l.Fulfilment == "eat-in")), dishes, diets, notes, waitlisted);
    }
}
