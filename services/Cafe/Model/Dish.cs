namespace WijPlatform.Cafe.Model;

/// <summary>A dish the kitchen can cook, with its price, declared allergens and diet labels.</summary>
public sealed record Dish(Guid Id, string Name, string Description, int PriceCents, string[] Allergens, string[] DietTags, DateTime CreatedAt)
{
    // Materialization from a row sets the properties; arrays cannot bind to the positional constructor.
    private Dish()
        : this(Guid.Empty, "", "", 0, [], [], default)
    {
    }
}
