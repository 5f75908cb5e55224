using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Calendar.Model;

namespace WijPlatform.Calendar.Apis;

/// <summary>One week, Monday to Sunday, ready to print in large letters: Dutch day names, times and prices.</summary>
public sealed record WeekOverview(DateOnly From, DateOnly Until, string Heading, IReadOnlyList<WeekDayOverview> Days);

public sealed record WeekDayOverview(DateOnly Date, string Heading, IReadOnlyList<WeekItem> Items);

public sealed record WeekItem(Guid ActivityId, DateOnly OccurrenceDate, string Time, string Title, string? Room, string Price, string? Accessibility, string? Note, bool TakesPlace);

public static class WeekApi
{
    public static RouteHandlerBuilder MapWeekApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/this-week", ThisWeek).WithTags("Occurrences").AllowAnonymous().WithoutResidentData()
            .WithSummary("The week (Monday to Sunday) of ?date (default today) for a printed large-print overview; ?category to narrow it. At most one week, so not paged.");

    public static async Task<Ok<WeekOverview>> ThisWeek(DateOnly? date, string? category, ActivityStore store, TimeProvider clock, CancellationToken ct)
    {
        var day = date ?? Amsterdam.DateOf(clock.GetUtcNow().UtcDateTime);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        var occurrences = await store.OccurrencesAsync(Amsterdam.StartOfDayUtc(monday), Amsterdam.StartOfDayUtc(sunday.AddDays(1)), category?.ToLowerInvariant(), ct);
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).Select(d => new WeekDayOverview(d, Capitalised(Texts.Day(d)),
            occurrences.Where(o => Amsterdam.DateOf(o.Occurrence.StartsAt) == d).Select(Item).ToList())).ToList();
        return TypedResults.Ok(new WeekOverview(monday, sunday, $"Activiteiten van {Texts.Day(monday)} tot en met {Texts.Day(sunday)}", days));
    }

    private static WeekItem Item(ScheduledOccurrence s)
    {
        var takesPlace = s.Occurrence.Happens && !s.Activity.IsCancelled;
        var note = takesPlace
            ? s.Occurrence.Status == OccurrenceException.Changed ? "Let op: andere tijd of zaal dan gewoonlijk." : null
            : $"Gaat niet door. {s.Occurrence.Reason ?? s.Activity.CancelReason}".TrimEnd();
        if (takesPlace && s.Activity.TargetGroup == TargetGroups.PartnerClients)
        {
            note = $"Voor cliënten van {s.Activity.TargetPartner}.";
        }
        return new WeekItem(s.Activity.Id, s.Occurrence.Date, Texts.Time(s.Occurrence.StartsAt, s.Occurrence.EndsAt), s.Activity.Title, s.Occurrence.Room,
            Texts.Price(s.Activity), s.Activity.AccessibilityNotes, note, takesPlace);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Texts.Dutch) + text[1..];
}
