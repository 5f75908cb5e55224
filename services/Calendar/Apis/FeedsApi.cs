using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace WijPlatform.Calendar.Apis;

/// <summary>
/// iCalendar (RFC 5545) feeds that common calendar clients subscribe to: a series is one event with
/// an RRULE in Europe/Amsterdam time, skipped and cancelled dates are EXDATEs, a moved occurrence is
/// its own event with a RECURRENCE-ID.
/// </summary>
public static class FeedsApi
{
    private const string TimeZoneId = "Europe/Amsterdam";

    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/feeds").WithTags("Feeds").AllowAnonymous().WithoutResidentData();
        api.MapGet("/all.ics", (ActivityStore store, CancellationToken ct) => FeedAsync(null, store, ct))
            .WithSummary("iCalendar feed of every activity").Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        api.MapGet("/categories/{category}.ics", ([StringLength(50)] string category, ActivityStore store, CancellationToken ct) => FeedAsync(category.ToLowerInvariant(), store, ct))
            .WithSummary("iCalendar feed of one category").Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        api.MapGet("/activities/{id:guid}.ics", ActivityFeedAsync)
            .WithSummary("iCalendar feed of one activity (its series, moved and cancelled dates), to follow just that one")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        return api;
    }

    private static async Task<IResult> FeedAsync(string? category, ActivityStore store, CancellationToken ct)
    {
        var activities = await store.AllWithExceptionsAsync(category, ct);
        return TypedResults.Text(Write(activities, category), "text/calendar; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ActivityFeedAsync(Guid id, ActivityStore store, CancellationToken ct) =>
        await store.FindWithExceptionsAsync(id, ct) is { } found
            ? TypedResults.Text(Write([found], null, found.Activity.Title), "text/calendar; charset=utf-8")
            : Problems.NotFound("activity", id);

    public static string Write(IReadOnlyList<(Activity Activity, IReadOnlyList<OccurrenceException> Exceptions)> activities, string? category, string? name = null)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//WijPlatform//Activiteitenkalender//NL" };
        calendar.AddProperty("X-WR-CALNAME", name ?? (category is null ? "Activiteiten in de wijk" : $"Activiteiten: {category}"));
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        // The rules of the zone from a year before the earliest activity (or today) on; Ical.Net needs a date in the past.
        var earliest = activities.Select(a => a.Activity.StartsAt).Append(DateTime.UtcNow).Min().AddYears(-1);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, earliest, includeHistoricalData: false));
        foreach (var (activity, exceptions) in activities)
        {
            if (activity.Recurrence is null)
            {
                // A one-off activity has no RRULE to except from: its single event carries the change or the cancellation.
                var only = activity.Schedule.Expand(exceptions, activity.StartsAt, activity.EndsAt).FirstOrDefault();
                var single = Event(activity, only?.StartsAt ?? activity.StartsAt, only?.EndsAt ?? activity.EndsAt, only?.Room ?? activity.Room);
                single.Status = activity.IsCancelled || only is not { Happens: true } ? "CANCELLED" : "CONFIRMED";
                calendar.Events.Add(single);
                continue;
            }
            var series = Event(activity, activity.StartsAt, activity.EndsAt, activity.Room);
            if (activity.Recurrence is { } recurrence)
            {
                series.RecurrenceRule = new RecurrencePattern(Ical.Net.FrequencyType.Weekly, recurrence.IntervalWeeks)
                {
                    ByDay = recurrence.Weekdays.Select(d => new WeekDay(d)).ToList(),
                    FirstDayOfWeek = DayOfWeek.Monday,
                    // UNTIL is in UTC when DTSTART has a time zone (RFC 5545 3.3.10): the end of the last day.
                    Until = new CalDateTime(Amsterdam.StartOfDayUtc(recurrence.Until.AddDays(1)).AddSeconds(-1), "UTC"),
                };
                foreach (var exception in exceptions.Where(e => e.Kind != OccurrenceException.Changed))
                {
                    series.ExceptionDates.Add(Local(activity.Schedule.TimesOn(exception.Date).StartsAt));
                }
            }
            calendar.Events.Add(series);
            foreach (var change in exceptions.Where(e => e.Kind == OccurrenceException.Changed))
            {
                var moved = Event(activity, change.StartsAt ?? activity.StartsAt, change.EndsAt ?? activity.EndsAt, change.Room ?? activity.Room);
                moved.RecurrenceIdentifier = new RecurrenceIdentifier(Local(activity.Schedule.TimesOn(change.Date).StartsAt));
                calendar.Events.Add(moved);
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(Activity activity, DateTime startsAt, DateTime endsAt, string? room) => new()
    {
        Uid = $"{activity.Id}@wijplatform",
        Summary = activity.Title,
        Description = Description(activity),
        Location = room,
        Categories = [activity.Category],
        Start = Local(startsAt),
        End = Local(endsAt),
        DtStamp = new CalDateTime(activity.CreatedAt, "UTC"),
        Status = activity.IsCancelled ? "CANCELLED" : "CONFIRMED",
    };

    private static CalDateTime Local(DateTime utc) => new(Amsterdam.ToLocal(utc), TimeZoneId);

    private static string Description(Activity activity)
    {
        var lines = new List<string> { activity.Description, $"Prijs: {Texts.Price(activity)}" };
        if (!string.IsNullOrWhiteSpace(activity.AccessibilityNotes))
        {
            lines.Add($"Toegankelijkheid: {activity.AccessibilityNotes}");
        }
        if (activity.TargetGroup == TargetGroups.PartnerClients)
        {
            lines.Add($"Voor cliënten van {activity.TargetPartner}.");
        }
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }
}
