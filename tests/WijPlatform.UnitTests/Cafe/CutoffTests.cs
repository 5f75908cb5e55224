using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class CutoffTests
{
    private static readonly CutoffPolicy SameDayAtTen = new() { DaysBefore = 0, At = new TimeOnly(10, 0) };

    [Fact]
    public void Ordering_closes_at_ten_Amsterdam_time_in_winter_and_in_summer()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero), SameDayAtTen.ClosesAt(new DateOnly(2026, 1, 15)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 8, 0, 0, TimeSpan.Zero), SameDayAtTen.ClosesAt(new DateOnly(2026, 7, 15)));
    }

    [Fact]
    public void An_order_a_minute_before_the_cutoff_is_taken_and_one_at_the_cutoff_is_not()
    {
        var meal = new DateOnly(2026, 11, 23);
        Assert.True(SameDayAtTen.IsOpen(meal, new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero)));
        Assert.False(SameDayAtTen.IsOpen(meal, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_cutoff_the_day_before_closes_the_previous_afternoon()
    {
        var dayBefore = new CutoffPolicy { DaysBefore = 1, At = new TimeOnly(16, 0) };
        var monday = new DateOnly(2026, 11, 23);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero), dayBefore.ClosesAt(monday));
        Assert.False(dayBefore.IsOpen(monday, new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_cutoff_in_the_spring_forward_gap_closes_an_hour_later_instead_of_failing()
    {
        var inTheGap = new CutoffPolicy { DaysBefore = 0, At = new TimeOnly(2, 30) };
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), inTheGap.ClosesAt(new DateOnly(2026, 3, 29)));
    }

    [Fact]
    public void Today_is_the_Amsterdam_date_not_the_UTC_date()
    {
        // 23:30 UTC on 22 November is already 00:30 on 23 November in Amsterdam.
        Assert.Equal(new DateOnly(2026, 11, 23), CutoffPolicy.Today(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero)));
    }
}
