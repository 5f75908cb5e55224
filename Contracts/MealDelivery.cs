namespace WijPlatform.Contracts;

/// <summary>
/// Intake asks the café to deliver meals to a resident, with their consent for the café. Carries what
/// the café's desk needs to call the resident and ring the right bell: display name, address, phone,
/// the wished weekdays and a short remark (diet, how to get in); nothing of the case.
/// </summary>
public sealed record MealDeliveryRequested(
    Guid ReferralId,
    Guid ResidentId,
    [property: PersonalData] string DisplayName,
    [property: PersonalData] string Street,
    [property: PersonalData] string HouseNumber,
    [property: PersonalData] string Postcode,
    [property: PersonalData] string? Phone,
    IReadOnlyList<string> Weekdays,
    DateOnly? StartsOn,
    [property: PersonalData] string? Remarks);

/// <summary>The café's desk took the resident on: a standing order for home delivery starts on the first delivery day.</summary>
public sealed record MealDeliveryAccepted(Guid ReferralId, Guid StandingOrderId, IReadOnlyList<string> Weekdays, DateOnly StartsOn, Guid? ResidentId = null);

/// <summary>The café cannot deliver (outside the delivery area, kitchen full, the resident said no); the reason is for the regisseur, not for the resident's notice.</summary>
public sealed record MealDeliveryDeclined(Guid ReferralId, [property: PersonalData] string Reason, Guid? ResidentId = null);
