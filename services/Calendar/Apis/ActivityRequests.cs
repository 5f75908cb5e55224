namespace WijPlatform.Calendar.Apis;

public sealed record CreateActivity(
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    [property: StringLength(4000)] string? Description,
    [property: Required, StringLength(50, MinimumLength = 1)] string Category,
    [property: StringLength(100)] string? Room,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    [property: Range(0, 10000)] int Capacity,
    [property: AllowedValues(Organisers.Partner, Organisers.Resident, Organisers.Point, null)] string? OrganiserKind = null,
    [property: StringLength(200)] string? OrganiserName = null,
    [property: Range(0, 100_000)] int PriceCents = 0,
    [property: Range(0, 100_000)] int? ReducedPriceCents = null,
    [property: StringLength(2000)] string? AccessibilityNotes = null,
    [property: AllowedValues(TargetGroups.Everyone, TargetGroups.PartnerClients, null)] string? TargetGroup = null,
    [property: StringLength(200)] string? TargetPartner = null,
    RecurrenceRequest? Recurrence = null);

/// <summary>weekly or fortnightly, on the given weekdays (monday..sunday; default the first date's), until a date.</summary>
public sealed record RecurrenceRequest(
    [property: Required, AllowedValues(Model.Recurrence.Weekly, Model.Recurrence.Fortnightly)] string Frequency,
    [property: MaxLength(7), ItemLength(20)] string[]? Weekdays,
    DateOnly Until);

public static class ActivityRules
{
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>The field errors of a request that the attributes cannot see, in camelCase; empty when it is valid.</summary>
    public static Dictionary<string, Text> Validate(CreateActivity request)
    {
        var errors = new Dictionary<string, Text>();
        if (request.EndsAt <= request.StartsAt)
        {
            errors["endsAt"] = "calendar.end-must-after-start-2";
        }
        else if (request.EndsAt - request.StartsAt > MaxDuration)
        {
            errors["endsAt"] = "calendar.one-occurrence-lasts-most";
        }
        if (request.ReducedPriceCents > request.PriceCents)
        {
            errors["reducedPriceCents"] = "calendar.reduced-price-cannot-higher";
        }
        if (request.TargetGroup == TargetGroups.PartnerClients && string.IsNullOrWhiteSpace(request.TargetPartner))
        {
            errors["targetPartner"] = "calendar.name-partner-whose-clients";
        }
        if (request.Recurrence is { } recurrence)
        {
            var first = Amsterdam.DateOf(request.StartsAt.UtcDateTime);
            var days = ParseWeekdays(recurrence.Weekdays);
            if (days is null)
            {
                errors["recurrence.weekdays"] = "calendar.use-weekday-names-english";
            }
            else if (days.Count > 0 && !days.Contains(first.DayOfWeek))
            {
                errors["recurrence.weekdays"] = new Text("calendar.first-occurrence-on-weekdays", first.ToDateTime(TimeOnly.MinValue));
            }
            if (recurrence.Until < first)
            {
                errors["recurrence.until"] = "calendar.series-cannot-end-before";
            }
            else if (recurrence.Until > first.AddDays(Schedule.MaxSeriesDays))
            {
                errors["recurrence.until"] = new Text("calendar.series-at-most-days", Schedule.MaxSeriesDays);
            }
        }
        return errors;
    }

    public static Activity ToActivity(CreateActivity request, Guid id, DateTime now, string defaultOrganiserKind = Organisers.Point) => new(
        id,
        request.Title.Trim(),
        request.Description?.Trim() ?? "",
        request.Category.Trim().ToLowerInvariant(),
        string.IsNullOrWhiteSpace(request.Room) ? null : request.Room.Trim(),
        request.OrganiserKind ?? defaultOrganiserKind,
        request.OrganiserName?.Trim(),
        request.StartsAt.UtcDateTime,
        request.EndsAt.UtcDateTime,
        request.Capacity,
        request.PriceCents,
        request.ReducedPriceCents,
        request.AccessibilityNotes?.Trim(),
        request.TargetGroup ?? TargetGroups.Everyone,
        request.TargetPartner?.Trim(),
        request.Recurrence is { } r
            ? new Recurrence(r.Frequency, ParseWeekdays(r.Weekdays) is { Count: > 0 } days ? days : [Amsterdam.DateOf(request.StartsAt.UtcDateTime).DayOfWeek], r.Until)
            : null,
        ActivityStatus.Planned,
        null,
        now);

    private static List<DayOfWeek>? ParseWeekdays(string[]? names)
    {
        var days = new List<DayOfWeek>();
        foreach (var name in names ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || int.TryParse(name, out _))
            {
                return null;
            }
            days.Add(day);
        }
        return days.Distinct().ToList();
    }
}
