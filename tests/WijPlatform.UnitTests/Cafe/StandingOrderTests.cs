using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class StandingOrderTests
{
    // Monday (1) and Thursday (4), from Monday 2 November 2026.
    private static readonly StandingOrder MondayAndThursday = new(Guid.NewGuid(), Guid.NewGuid(), [1, 4], "delivery", 1, null,
        new DateOnly(2026, 11, 2), null, null, null, "active", default);

    [Theory]
    [InlineData("2026-11-02", true)]
    [InlineData("2026-11-03", false)]
    [InlineData("2026-11-05", true)]
    [InlineData("2026-11-07", false)]
    [InlineData("2026-10-29", false)]
    public void Orders_on_its_weekdays_from_its_start(string date, bool expected) =>
        Assert.Equal(expected, MondayAndThursday.OrdersOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_pause_skips_its_days_and_restarts_by_itself_on_the_restart_date()
    {
        var paused = MondayAndThursday with { PausedFrom = new DateOnly(2026, 11, 9), PausedUntil = new DateOnly(2026, 11, 19) };
        Assert.True(paused.OrdersOn(new DateOnly(2026, 11, 5)));
        Assert.False(paused.OrdersOn(new DateOnly(2026, 11, 9)));
        Assert.False(paused.OrdersOn(new DateOnly(2026, 11, 16)));
        Assert.True(paused.OrdersOn(new DateOnly(2026, 11, 19)));
    }

    [Fact]
    public void A_pause_without_restart_date_lasts_until_resumed()
    {
        var paused = MondayAndThursday with { PausedFrom = new DateOnly(2026, 11, 9) };
        Assert.False(paused.OrdersOn(new DateOnly(2027, 6, 3)));
    }

    [Fact]
    public void Nothing_is_ordered_after_the_end_date_or_once_stopped()
    {
        Assert.False((MondayAndThursday with { EndsOn = new DateOnly(2026, 11, 30) }).OrdersOn(new DateOnly(2026, 12, 3)));
        Assert.True((MondayAndThursday with { EndsOn = new DateOnly(2026, 11, 30) }).OrdersOn(new DateOnly(2026, 11, 30)));
        Assert.False((MondayAndThursday with { Status = "stopped" }).OrdersOn(new DateOnly(2026, 11, 5)));
    }
}
