using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class PricingTests
{
    [Theory]
    [InlineData(750, 1, false, 750)]
    [InlineData(750, 2, false, 1500)]
    [InlineData(750, 1, true, 525)]
    [InlineData(755, 1, true, 528)]
    public void A_low_income_resident_gets_the_discount_rounded_in_their_favour(int price, int portions, bool lowIncome, int expected) =>
        Assert.Equal(expected, new PricingPolicy { LowIncomeDiscountPercent = 30 }.PriceCents(price, portions, lowIncome));
}

public sealed class KitchenSheetTests
{
    private static KitchenLine Line(string dish, string fulfilment, int portions, string[]? diets = null, string texture = "normal", string? request = null, string[]? allergies = null) =>
        new() { OrderId = Guid.NewGuid(), ResidentName = "Bewoner", Dish = dish, Fulfilment = fulfilment, Portions = portions, Diets = diets ?? [], Texture = texture, SpecialRequest = request, Allergies = allergies ?? [] };

    [Fact]
    public void Counts_portions_per_dish_and_diet_and_the_seats_to_lay()
    {
        var sheet = KitchenSheet.From(new DateOnly(2026, 11, 23), [
            Line("Hutspot", "eat-in", 2),
            Line("Hutspot", "delivery", 1, texture: "pureed"),
            Line("Groentelasagne", "eat-in", 1, diets: ["vegetarian"], request: "Geen ui"),
            Line("Groentelasagne", "pick-up", 1, diets: ["vegetarian", "low-salt"], allergies: ["milk"]),
        ], waitlisted: 3);

        Assert.Equal(5, sheet.Portions);
        Assert.Equal(3, sheet.SeatsNeeded);
        Assert.Equal(new DishCount("Hutspot", 3, 2, 0, 1), sheet.Dishes[0]);
        Assert.Equal(new DishCount("Groentelasagne", 2, 1, 1, 0), sheet.Dishes[1]);
        Assert.Equal([new DietCount("low-salt", 1), new DietCount("no-milk", 1), new DietCount("pureed", 1), new DietCount("vegetarian", 2)], sheet.Diets);
        Assert.Equal(["Geen ui", null], sheet.Notes.Select(n => n.SpecialRequest));
        Assert.Equal(3, sheet.Waitlisted);
    }
}

public sealed class RoundPrintTests
{
    [Fact]
    public void The_round_list_escapes_names_and_leaves_out_cancelled_stops()
    {
        var round = new DeliveryRound(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 23), 2, "3705 AB", new DateTime(2026, 11, 23, 10, 30, 0, DateTimeKind.Utc), null, "Anouk", "assigned", 2);
        var html = RoundPrint.Html(round, [
            new RoundStop { Position = 1, ResidentName = "<b>Jansen</b>", Street = "Kastanjelaan", HouseNumber = "3", Postcode = "3705 AB", Portions = 1, Dish = "Hutspot", Active = true },
            new RoundStop { Position = 2, ResidentName = "De Vries", Street = "Kastanjelaan", HouseNumber = "5", Postcode = "3705 AB", Portions = 1, Dish = "Hutspot", Active = false },
        ]);
        Assert.Contains("&lt;b&gt;Jansen&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("De Vries", html, StringComparison.Ordinal);
        Assert.Contains("maandag 23 november 2026", html, StringComparison.Ordinal);
        Assert.Contains("11:30", html, StringComparison.Ordinal);
        Assert.Contains("Anouk", html, StringComparison.Ordinal);
    }
}
