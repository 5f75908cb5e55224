namespace WijPlatform.Matching.Model;

/// <summary>
/// Someone needs a volunteer: from intake (a walk, a home visit), from the café (a delivery round),
/// or registered by the coordinator, also for a local business. Once (WantedAt) or weekly (WeeklyDay and minutes), or whenever.
/// A job can need several volunteers (<see cref="Places"/>), optionally a supervisor with day-activity participants.
/// </summary>
public sealed record VolunteerRequest(
    Guid Id,
    string Source,
    Guid? CaseId,
    Guid? ResidentId,
    Guid? RoundId,
    string Talent,
    string Postcode,
    string? Neighbourhood,
    DateTime? WantedAt,
    DayOfWeek? WeeklyDay,
    int? WeeklyStartMinute,
    int DurationMinutes,
    string Urgency,
    bool InsideHome,
    string? PreferredLanguage,
    string? PreferredGender,
    string? FirstName,
    string? Street,
    string Status,
    DateTime CreatedAt,
    DateTime? UnmatchedReportedAt,
    string? HouseNumber = null,
    string? Contact = null,
    int Places = 1,
    bool Supervised = false,
    int Participants = 0,
    Guid? BusinessId = null)
{
    public TaskTime? Time => WantedAt is { } at
        ? TaskTime.OneOff(at, DurationMinutes)
        : WeeklyDay is { } day && WeeklyStartMinute is { } start
            ? new TaskTime(day, start, Math.Min(24 * 60, start + DurationMinutes), null)
            : null;
}

public static class RequestStatus
{
    public const string Open = "open";
    public const string Proposed = "proposed";
    public const string Matched = "matched";
    public const string Closed = "closed";
}
