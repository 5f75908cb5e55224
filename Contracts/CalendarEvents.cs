namespace WijPlatform.Contracts;

/// <summary>
/// A referred resident did not come again: the regisseur of their case can follow up. Sent from
/// the second no-show within 90 days, each time one more is recorded; carries only ids and counts.
/// </summary>
public sealed record RepeatedNoShowsRecorded(Guid ReferralId, Guid ResidentId, Guid ActivityId, DateOnly OccurrenceDate, int NoShows);
