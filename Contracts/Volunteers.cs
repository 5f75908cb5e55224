namespace WijPlatform.Contracts;

/// <summary>
/// Intake asks matching for a volunteer for a resident (a walk, a home visit after a partner's
/// signal, an odd job). Carries only what a visiting volunteer may know, and only with the resident's
/// consent for that purpose: first name, street and house number, how to get in touch; else the postcode only.
/// When: once (<paramref name="WantedAt"/>), weekly (<paramref name="WeeklyDay"/> from
/// <paramref name="WeeklyStartMinute"/>, minutes after midnight in Amsterdam), or whenever (neither).
/// </summary>
public sealed record VolunteerRequested(
    Guid RequestId,
    Guid CaseId,
    Guid ResidentId,
    string Talent,
    [property: PersonalData] string Postcode,
    [property: PersonalData] string? Street,
    [property: PersonalData] string? FirstName,
    DateTimeOffset? WantedAt,
    string Urgency,
    bool InsideHome,
    DayOfWeek? WeeklyDay = null,
    int? WeeklyStartMinute = null,
    int? DurationMinutes = null,
    [property: PersonalData] string? HouseNumber = null,
    [property: PersonalData] string? Contact = null);

public sealed record VolunteerMatchProposed(Guid RequestId, Guid MatchId, Guid VolunteerId, [property: PersonalData] string VolunteerFirstName);

public sealed record VolunteerMatched(Guid RequestId, Guid MatchId, Guid VolunteerId, [property: PersonalData] string VolunteerFirstName);

/// <summary>
/// Nobody can be matched to the request. <see cref="Reason"/> is a code (<see cref="UnmatchedReasons"/>)
/// with its values in <see cref="ReasonValues"/>, which the reader words in its own language; from a
/// version before the codes, an English sentence and no values.
/// </summary>
public sealed record VolunteerRequestUnmatched(Guid RequestId, string Reason, string[]? ReasonValues = null);

public static class UnmatchedReasons
{
    /// <summary>The request's area is not on the map (values: its PC4 area).</summary>
    public const string OutsideAreas = "outside-areas";

    /// <summary>Nobody was matched within the waiting time of its urgency (values: the hours).</summary>
    public const string NotInTime = "not-in-time";
}

public sealed record VolunteerMatchEnded(Guid RequestId, Guid MatchId, [property: PersonalData] string Reason);
