using WijPlatform.Calendar.Apis;
using WijPlatform.Calendar.Model;

namespace WijPlatform.UnitTests.Calendar;

public sealed class FeedTests
{
    private static Activity Activity(Recurrence? recurrence, string status = ActivityStatus.Planned, int year = 2026) => new(
        Guid.NewGuid(), "Spelletjesmiddag", "Sjoelen en koffie", "games", "Zaal 1", Organisers.Point, null,
        new DateTime(year, 10, 13, 12, 0, 0, DateTimeKind.Utc), new DateTime(year, 10, 13, 14, 0, 0, DateTimeKind.Utc), 12, 250, 100,
        "Rolstoeltoegankelijk", TargetGroups.Everyone, null, recurrence, status, null, new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_series_is_written_with_its_rule_its_skipped_dates_its_moved_occurrence_and_the_Amsterdam_time_zone()
    {
        var activity = Activity(new Recurrence(Recurrence.Weekly, [DayOfWeek.Tuesday], new DateOnly(2026, 11, 10)));
        OccurrenceException[] exceptions =
        [
            new(new DateOnly(2026, 10, 20), OccurrenceException.Skipped, null, null, null, null),
            new(new DateOnly(2026, 10, 27), OccurrenceException.Changed, new DateTime(2026, 10, 28, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 28, 10, 0, 0, DateTimeKind.Utc), null, null),
        ];

        var ics = FeedsApi.Write([(activity, exceptions), (Activity(null, ActivityStatus.Cancelled), [])], "games");

        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains("TZID:Europe/Amsterdam", ics);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20261013T140000", ics);
        Assert.Contains("RRULE:FREQ=WEEKLY;UNTIL=20261110T225959Z;BYDAY=TU", ics.Replace("\r\n ", ""));
        Assert.Contains("EXDATE;TZID=Europe/Amsterdam:20261020T140000", ics);
        Assert.Contains("RECURRENCE-ID;TZID=Europe/Amsterdam:20261027T140000", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
        Assert.Contains("met stadspas", ics);
    }

    [Fact]
    public void A_feed_of_activities_only_in_the_future_is_written_too()
    {
        var ics = FeedsApi.Write([(Activity(null, year: DateTime.UtcNow.Year + 5), [])], null);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains("BEGIN:VEVENT", ics);
    }

    [Fact]
    public void A_one_off_activity_whose_only_occurrence_is_cancelled_is_written_as_cancelled()
    {
        var activity = Activity(null);
        var ics = FeedsApi.Write([(activity, [new(new DateOnly(2026, 10, 13), OccurrenceException.Cancelled, null, null, null, "Griep")])], null);
        Assert.Contains("STATUS:CANCELLED", ics);
        Assert.DoesNotContain("RRULE:FREQ=WEEKLY", ics);
    }
}
