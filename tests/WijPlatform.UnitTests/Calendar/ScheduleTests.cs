using WijPlatform.Calendar.Model;

namespace WijPlatform.UnitTests.Calendar;

public sealed class ScheduleTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static Schedule Weekly(DateTime start, DateTime end, DateOnly until, string frequency = Recurrence.Weekly, params DayOfWeek[] days) =>
        new(Id, start, end, "Zaal 1", new Recurrence(frequency, days.Length == 0 ? [Amsterdam.DateOf(start).DayOfWeek] : days, until));

    [Fact]
    public void A_weekly_activity_at_two_stays_at_two_Amsterdam_time_across_the_change_to_winter_time()
    {
        // Tuesday 20 October 2026, 14:00 summer time (12:00 UTC); winter time starts Sunday 25 October.
        var schedule = Weekly(Utc(2026, 10, 20, 12), Utc(2026, 10, 20, 14), new DateOnly(2026, 11, 3));

        var occurrences = schedule.Expand([], Utc(2026, 10, 1, 0), Utc(2026, 12, 1, 0)).ToList();

        Assert.Equal([Utc(2026, 10, 20, 12), Utc(2026, 10, 27, 13), Utc(2026, 11, 3, 13)], occurrences.Select(o => o.StartsAt));
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(Amsterdam.ToLocal(o.StartsAt))));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(2), o.EndsAt - o.StartsAt));
    }

    [Fact]
    public void The_change_to_summer_time_keeps_the_wall_clock_time_too()
    {
        // Thursday 26 March 2026 at 10:00 winter time; summer time starts Sunday 29 March.
        var schedule = Weekly(Utc(2026, 3, 26, 9), Utc(2026, 3, 26, 10), new DateOnly(2026, 4, 2));
        var occurrences = schedule.Expand([], Utc(2026, 3, 1, 0), Utc(2026, 5, 1, 0)).ToList();
        Assert.Equal([Utc(2026, 3, 26, 9), Utc(2026, 4, 2, 8)], occurrences.Select(o => o.StartsAt));
    }

    [Fact]
    public void Fortnightly_on_two_weekdays_until_a_date_counts_weeks_from_the_first()
    {
        // Monday 2 November 2026 and Wednesdays, every other week, until Wednesday 2 December (inclusive).
        var schedule = Weekly(Utc(2026, 11, 2, 9), Utc(2026, 11, 2, 10), new DateOnly(2026, 12, 2), Recurrence.Fortnightly, DayOfWeek.Wednesday, DayOfWeek.Monday);

        Assert.Equal(
            [new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 2)],
            schedule.Dates());
        Assert.True(schedule.IsPlanned(new DateOnly(2026, 11, 18)));
        Assert.False(schedule.IsPlanned(new DateOnly(2026, 11, 9)));
    }

    [Fact]
    public void A_first_date_in_the_middle_of_the_week_does_not_bring_earlier_weekdays_of_that_week()
    {
        // First on Wednesday 4 November; the Monday of that week is before the start.
        var schedule = Weekly(Utc(2026, 11, 4, 9), Utc(2026, 11, 4, 10), new DateOnly(2026, 11, 10), Recurrence.Weekly, DayOfWeek.Monday, DayOfWeek.Wednesday);
        Assert.Equal([new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 9)], schedule.Dates());
    }

    [Fact]
    public void A_skipped_occurrence_disappears_a_cancelled_one_stays_marked_and_a_moved_one_has_its_own_time_and_room()
    {
        var schedule = Weekly(Utc(2026, 6, 2, 12), Utc(2026, 6, 2, 14), new DateOnly(2026, 6, 30));
        OccurrenceException[] exceptions =
        [
            new(new DateOnly(2026, 6, 9), OccurrenceException.Skipped, null, null, null, "Zomerstop"),
            new(new DateOnly(2026, 6, 16), OccurrenceException.Cancelled, null, null, null, "Zaal lekt"),
            new(new DateOnly(2026, 6, 23), OccurrenceException.Changed, Utc(2026, 6, 24, 8), Utc(2026, 6, 24, 10), "Zaal 2", null),
        ];

        var occurrences = schedule.Expand(exceptions, Utc(2026, 6, 1, 0), Utc(2026, 7, 31, 0)).ToList();

        Assert.Equal([new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 16), new DateOnly(2026, 6, 23), new DateOnly(2026, 6, 30)], occurrences.Select(o => o.Date));
        Assert.False(occurrences[1].Happens);
        Assert.Equal("Zaal lekt", occurrences[1].Reason);
        Assert.Equal((Utc(2026, 6, 24, 8), "Zaal 2", OccurrenceException.Changed), (occurrences[2].StartsAt, occurrences[2].Room, occurrences[2].Status));
        Assert.Equal((Utc(2026, 6, 30, 12), "Zaal 1"), (occurrences[3].StartsAt, occurrences[3].Room));
    }

    [Fact]
    public void Expansion_only_returns_occurrences_that_overlap_the_window()
    {
        var schedule = Weekly(Utc(2026, 1, 5, 13), Utc(2026, 1, 5, 15), new DateOnly(2026, 12, 28));
        var inJanuaryWeek3 = schedule.Expand([], Utc(2026, 1, 19, 14), Utc(2026, 1, 26, 0)).ToList();
        Assert.Equal([new DateOnly(2026, 1, 19)], inJanuaryWeek3.Select(o => o.Date));
        Assert.Equal(52, schedule.Dates().Count());
        Assert.Equal(Utc(2026, 12, 28, 15), schedule.LastEndsAt);
    }

    [Fact]
    public void A_one_off_activity_has_one_occurrence()
    {
        var schedule = new Schedule(Id, Utc(2026, 5, 5, 10), Utc(2026, 5, 5, 11), null, null);
        Assert.Equal([new DateOnly(2026, 5, 5)], schedule.Dates());
        Assert.Single(schedule.Expand([], Utc(2026, 5, 1, 0), Utc(2026, 6, 1, 0)));
    }

    [Fact]
    public void Occurrences_overlap_only_when_their_times_intersect()
    {
        var a = new Occurrence(Id, new DateOnly(2026, 5, 5), Utc(2026, 5, 5, 10), Utc(2026, 5, 5, 12), "Zaal 1", Occurrence.Scheduled, null);
        Assert.True(a.Overlaps(a with { StartsAt = Utc(2026, 5, 5, 11), EndsAt = Utc(2026, 5, 5, 13) }));
        Assert.False(a.Overlaps(a with { StartsAt = Utc(2026, 5, 5, 12), EndsAt = Utc(2026, 5, 5, 13) }));
    }

    [Fact]
    public void A_wall_clock_time_that_the_spring_change_skips_moves_on_by_an_hour()
    {
        Assert.Equal(Utc(2026, 3, 29, 1, 30), Amsterdam.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0)));
    }
}
