namespace WijPlatform.Contracts;

/// <summary>
/// A home-delivered meal found no one at the door, and neither the resident nor their emergency
/// contact could be reached by phone: the neighbourhood team should look in on the resident.
/// ResidentId is null for a walk-in customer not known to intake.
/// </summary>
public sealed record DeliveryNoAnswerSignalled(Guid SignalId, Guid StopId, Guid? ResidentId, DateOnly Date, DateTimeOffset SignalledAt);
