namespace WijPlatform.Contracts;

/// <summary>Intake refers a resident to an activity; the calendar signs them up or wait-lists them and answers.</summary>
public sealed record ActivityReferralRequested(
    Guid ReferralId,
    Guid CaseId,
    Guid ResidentId,
    Guid ActivityId,
    DateTimeOffset? OccurrenceStart,
    [property: PersonalData] string DisplayName,
    [property: PersonalData] string? Phone);

public sealed record SignupConfirmed(Guid? ReferralId, Guid SignupId, Guid ActivityId, DateTimeOffset OccurrenceStart);

public sealed record SignupWaitlisted(Guid? ReferralId, Guid SignupId, Guid ActivityId, DateTimeOffset OccurrenceStart, int Position);

/// <summary>A seat freed up and a wait-listed sign-up got it; the resident (when known) and the activity's title are there for the notice that tells them.</summary>
public sealed record SignupPromoted(
    Guid? ReferralId,
    Guid SignupId,
    Guid ActivityId,
    DateTimeOffset OccurrenceStart,
    Guid? ResidentId = null,
    [property: PersonalData] string? ActivityTitle = null);

/// <summary>
/// An activity, or one date of it, was cancelled: intake's referrals lost their seat, and the residents
/// known to intake who were signed up (AffectedResidentIds) are told, with the activity's title.
/// </summary>
public sealed record ActivityCancelled(
    Guid ActivityId,
    DateTimeOffset? OccurrenceStart,
    IReadOnlyList<Guid> AffectedReferralIds,
    IReadOnlyList<Guid>? AffectedResidentIds = null,
    [property: PersonalData] string? ActivityTitle = null);

public sealed record ReferralRefused(Guid ReferralId, string Reason);
