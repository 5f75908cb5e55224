namespace WijPlatform.Contracts;

/// <summary>Café Noord published the day's warm meal; the calendar shows it as that day's meal activity.</summary>
public sealed record DailyMealPublished(
    Guid MenuId,
    DateOnly Date,
    string Title,
    string Description,
    int Portions,
    DateTimeOffset ServedFrom,
    DateTimeOffset ServedUntil,
    int? PriceCents = null);

/// <summary>
/// The kitchen makes more (or fewer) portions of a day's meal: the calendar's meal activity follows.
/// Portions is the new total, so a late or repeated message cannot add up twice.
/// </summary>
public sealed record DailyMealPortionsChanged(Guid MenuId, DateOnly Date, int Portions, DateTimeOffset ChangedAt);

/// <summary>The café needs a deliverer for a round of home deliveries.</summary>
public sealed record DelivererRequested(Guid RoundId, DateOnly Date, string Postcode, DateTimeOffset StartsAt, int Stops);

public sealed record DelivererAssigned(Guid RoundId, Guid VolunteerId, [property: PersonalData] string VolunteerFirstName);
