namespace WijPlatform.Contracts;

/// <summary>
/// A home-delivered meal found no one at the door, and neither the resident nor their emergency
/// contact could be reached by phone: the neighbourhood team should look in on the resident.
/// ResidentId is null for a walk-in customer not known to intake.
/// </summary>
public sealed record DeliveryNoAnswerSignalled(Guid SignalId, Guid StopId, Guid? ResidentId, DateOnly Date, DateTimeOffset SignalledAt);

/// <summary>
/// A volunteer confirmed as the deliverer of a round of home deliveries. Carries what the volunteer is
/// told beforehand: the day, the round's number, when it starts and how many addresses; the addresses
/// themselves they see in the round on the day.
/// </summary>
public sealed record DeliveryRoundAssigned(Guid RoundId, Guid VolunteerId, DateOnly Date, int Number, DateTimeOffset StartsAt, int Addresses);
