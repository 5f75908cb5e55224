namespace WijPlatform.Cafe.Model;

/// <summary>
/// One order for a day's meal. Residents known to intake carry their resident id; a walk-in may carry
/// only a display name. Status: placed, waitlisted (sold out, waiting for a cancellation) or cancelled.
/// </summary>
public sealed record MealOrder(
    Guid Id,
    Guid MenuId,
    DateOnly MenuDate,
    Guid? DishId,
    Guid? ResidentId,
    string ResidentName,
    string Fulfilment,
    int Portions,
    string Status,
    string PlacedBy,
    string Channel,
    string? SpecialRequest,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    int PriceCents,
    string PaymentMethod,
    DateTime? PaidAt,
    bool Chargeable,
    string[] ConfirmedConflicts,
    Guid? StandingOrderId,
    DateTime? CancelledAt,
    DateTime CreatedAt)
{
    public static readonly string[] Fulfilments = ["eat-in", "pick-up", "delivery"];

    public static readonly string[] PlacedByValues = ["resident", "staff"];

    public static readonly string[] Channels = ["app", "counter", "phone"];

    private MealOrder()
        : this(Guid.Empty, Guid.Empty, default, null, null, "", "", 0, "", "", "", null, null, null, null, 0, "", null, false, [], null, null, default)
    {
    }
}

/// <summary>What a resident's order needs to know about them: diet, delivery address, payment.</summary>
public sealed record ResidentProfile(
    Guid ResidentId,
    string DisplayName,
    string[] Allergies,
    string[] Diets,
    string Texture,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    string? Phone,
    string? EmergencyContactName,
    string? EmergencyContactPhone,
    string PaymentMethod,
    bool LowIncome,
    DateTime UpdatedAt)
{
    private ResidentProfile()
        : this(Guid.Empty, "", [], [], "normal", null, null, null, null, null, null, "counter", false, default)
    {
    }

    public DietProfile Diet => new(Allergies, Diets, Texture);
}

/// <summary>Where an order stands: placed (a portion is the resident's), on the waiting list, or cancelled.</summary>
public static class OrderStatus
{
    public const string Placed = "placed";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";
}
