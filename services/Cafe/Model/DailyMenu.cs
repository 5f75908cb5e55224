namespace WijPlatform.Cafe.Model;

/// <summary>Café Noord's warm meal of one day, with the portions the kitchen can make.</summary>
public sealed record DailyMenu(Guid Id, DateOnly MenuDate, string Dish, string Description, int PriceCents, string[] Allergens, int Portions, DateTime CreatedAt);

public static class Allergens
{
    /// <summary>The 14 allergens that EU regulation 1169/2011 requires a menu to declare.</summary>
    public static readonly string[] All =
    [
        "gluten", "crustaceans", "eggs", "fish", "peanuts", "soybeans", "milk", "nuts",
        "celery", "mustard", "sesame", "sulphites", "lupin", "molluscs",
    ];
}

public static class CafeHours
{
    /// <summary>The warm meal is served from 12:00 to 13:30, Amsterdam time.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) MealTime(DateOnly date)
    {
        DateTimeOffset At(TimeOnly time)
        {
            var local = date.ToDateTime(time);
            return new DateTimeOffset(local, Amsterdam.Zone.GetUtcOffset(local));
        }
        return (At(new TimeOnly(12, 0)), At(new TimeOnly(13, 30)));
    }
}
