namespace WijPlatform.Matching.Model;

/// <summary>A volunteer and a request brought together, from the proposal to the end.</summary>
public sealed record Match(
    Guid Id,
    Guid RequestId,
    Guid VolunteerId,
    string Status,
    double Score,
    string ProposedBy,
    string? DeclinedBy,
    string? EndReason,
    string? Evaluation,
    DateTime ProposedAt,
    DateTime ChangedAt,
    decimal HoursLogged)
{
    /// <summary>After the first meeting (the first hours logged) the coordinator checks in with both sides, then evaluates.</summary>
    public bool CheckInDue => Status == MatchStatus.Active && HoursLogged > 0;
}

/// <summary>What a volunteer sees of a task: the resident's first name, the street, the task and the time. Never the case.</summary>
public sealed record VolunteerTask(Guid MatchId, string Status, string Talent, string? FirstName, string? Street, string Postcode, DateTime? WantedAt, DayOfWeek? WeeklyDay, int? WeeklyStartMinute, int DurationMinutes);
