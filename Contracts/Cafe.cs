namespace WijPlatform.Contracts;

/// <summary>Café Noord published the day's warm meal; the calendar shows it as that day's meal activity.</summary>
public sealed record DailyMealPublished(
    Guid MenuId,
    DateOnly Date,
    string Title,
    string Description,
    int Portions,
    DateTimeOffset ServedFrom,
    DateTimeOffset ServedUntil);

/// <summary>The café needs a deliverer for a round of home deliveries.</summary>
public sealed record DelivererRequested(Guid RoundId, DateOnly Date, string Postcode, DateTimeOffset StartsAt, int Stops);

public sealed record DelivererAssigned(Guid RoundId, Guid VolunteerId, [property: PersonalData] string VolunteerFirstName);
