using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class DeliveryApplicationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Meals_start_on_the_agreed_day_else_the_wished_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), DeliveryApplication.FirstDay(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 26), Today));
        Assert.Equal(new DateOnly(2026, 11, 26), DeliveryApplication.FirstDay(null, new DateOnly(2026, 11, 26), Today));
    }

    [Fact]
    public void Meals_never_start_today_or_earlier_since_todays_orders_are_planned()
    {
        Assert.Equal(Today.AddDays(1), DeliveryApplication.FirstDay(null, null, Today));
        Assert.Equal(Today.AddDays(1), DeliveryApplication.FirstDay(Today, null, Today));
        Assert.Equal(Today.AddDays(1), DeliveryApplication.FirstDay(null, Today.AddDays(-3), Today));
    }

    [Fact]
    public void Weekday_names_become_standing_order_numbers_with_sunday_zero()
    {
        Assert.Equal([1, 4], DeliveryApplication.DayNumbers(["thursday", "Monday", "monday"])!);
        Assert.Equal([0], DeliveryApplication.DayNumbers(["sunday"])!);
        Assert.Null(DeliveryApplication.DayNumbers(["monday", "funday"]));
        Assert.Null(DeliveryApplication.DayNumbers([]));
    }
}

public sealed class WaitlistNoticeTests
{
    [Theory]
    [InlineData("delivery", "bezorgen")]
    [InlineData("pick-up", "ophalen")]
    [InlineData("eat-in", "welkom in het café")]
    public void The_message_tells_the_resident_the_day_and_how_the_meal_comes(string fulfilment, string expected)
    {
        var text = WaitlistNotice.Text(new DateOnly(2026, 11, 26), fulfilment);
        Assert.Contains("donderdag 26 november", text);
        Assert.Contains(expected, text);
    }
}

public sealed class RoundDelivererTextTests
{
    private static DeliveryRound Round(string status, string? name) => new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 26), 1, "3705", DateTime.UtcNow, null, name, status, 3);

    [Fact]
    public void The_round_list_says_whether_the_deliverer_confirmed()
    {
        Assert.Equal("Anouk", RoundPrint.Deliverer(Round(RoundStatus.Assigned, "Anouk")));
        Assert.Contains("nog niet bevestigd", RoundPrint.Deliverer(Round(RoundStatus.DelivererProposed, "Anouk")));
        Assert.Contains("zoekt een bezorger", RoundPrint.Deliverer(Round(RoundStatus.NoDeliverer, null)));
        Assert.Equal("nog niet bekend", RoundPrint.Deliverer(Round(RoundStatus.AwaitingDeliverer, null)));
    }
}
