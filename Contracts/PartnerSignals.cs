namespace WijPlatform.Contracts;

/// <summary>
/// A partner's signal moved on (a professional triaged it, a home visit was requested, a volunteer
/// was found). Carries only what the partner already knows: its own signal's id and the new status;
/// <paramref name="ChangeId"/> identifies this one change, so whoever passes it on can be deduplicated.
/// </summary>
public sealed record PartnerSignalStatusChanged(Guid ChangeId, Guid SignalId, string Partner, string Status, DateTime ChangedAt);

/// <summary>
/// A sign-up that a partner made for one of its own clients changed status (confirmed, waitlisted, or
/// cancelled, by the partner, the organiser or a cancelled activity). Carries only what the partner
/// already knows: its sign-up's id, the activity and date, and the new status; <paramref name="ChangeId"/>
/// identifies this one change, so whoever passes it on can be deduplicated.
/// </summary>
public sealed record PartnerSignupStatusChanged(Guid ChangeId, Guid SignupId, Guid ActivityId, DateOnly? OccurrenceDate, string Partner, string Status, DateTime ChangedAt);
