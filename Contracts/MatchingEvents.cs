namespace WijPlatform.Contracts;

/// <summary>
/// The volunteer and the resident were introduced to each other; either may still decline. The
/// resident (when the request came from intake) is told the volunteer's first name.
/// </summary>
public sealed record VolunteerMatchIntroduced(Guid RequestId, Guid MatchId, Guid VolunteerId, Guid? ResidentId = null, [property: PersonalData] string? VolunteerFirstName = null);

/// <summary>The volunteer said yes to a proposal (themselves, or the coordinator for them); the coordinator introduces them next.</summary>
public sealed record VolunteerMatchAccepted(Guid RequestId, Guid MatchId, Guid VolunteerId);

/// <summary>One side declined a proposal (no blame; only which side). The request is open again for the next candidate.</summary>
public sealed record VolunteerMatchDeclined(Guid RequestId, Guid MatchId, string DeclinedBy);

/// <summary>The coordinator evaluated an active match with both sides after the first meetings.</summary>
public sealed record VolunteerMatchEvaluated(Guid RequestId, Guid MatchId);
