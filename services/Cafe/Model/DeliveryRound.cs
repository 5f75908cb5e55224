namespace WijPlatform.Cafe.Model;

/// <summary>A round of home deliveries walked or cycled by one deliverer, who is found by matching.</summary>
public sealed record DeliveryRound(Guid Id, Guid MenuId, DateOnly Date, int Number, string Postcode, DateTime StartsAt, Guid? VolunteerId, string? VolunteerFirstName, string Status, int Stops)
{
    private DeliveryRound()
        : this(Guid.Empty, Guid.Empty, default, 0, "", default, null, null, "", 0)
    {
    }
}

/// <summary>
/// Where a round stands in finding its deliverer: waiting for matching, a volunteer proposed (shown by
/// first name until they confirm), assigned, or no one found in time (the café must call around).
/// </summary>
public static class RoundStatus
{
    public const string AwaitingDeliverer = "awaiting-deliverer";
    public const string DelivererProposed = "deliverer-proposed";
    public const string Assigned = "assigned";
    public const string NoDeliverer = "no-deliverer";
}

/// <summary>One stop of a round, with what the café needs to follow up a no-answer.</summary>
public sealed class RoundStop
{
    public Guid Id { get; init; }

    public int Position { get; init; }

    public Guid OrderId { get; init; }

    public string Status { get; init; } = "";

    public string Instruction => NoAnswerProtocol.Instruction(Status);

    public Guid? ResidentId { get; init; }

    public string ResidentName { get; init; } = "";

    public string Street { get; init; } = "";

    public string HouseNumber { get; init; } = "";

    public string Postcode { get; init; } = "";

    public int Portions { get; init; }

    public string Dish { get; init; } = "";

    public string? SpecialRequest { get; init; }

    /// <summary>False when the order was cancelled after the round was planned: skip the stop.</summary>
    public bool Active { get; init; }

    public string? Phone { get; init; }

    public string? EmergencyContactName { get; init; }

    public string? EmergencyContactPhone { get; init; }

    /// <summary>
    /// What the deliverer takes along: the name to ring for (the first word of the name the café
    /// knows), the address, the meal, the special request and what to do at a no-answer. Not the
    /// full name, the resident's id, the phone numbers or the emergency contact: the café calls those.
    /// </summary>
    public RoundStop ForDeliverer() => new()
    {
        Id = Id,
        Position = Position,
        OrderId = OrderId,
        Status = Status,
        ResidentName = ResidentName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
        Street = Street,
        HouseNumber = HouseNumber,
        Postcode = Postcode,
        Portions = Portions,
        Dish = Dish,
        SpecialRequest = SpecialRequest,
        Active = Active,
    };
}

/// <summary>A round and its stops in walking order; a deliverer's stops carry only <see cref="RoundStop.ForDeliverer"/>.</summary>
public sealed record RoundWithStops(DeliveryRound Round, IReadOnlyList<RoundStop> Stops);

public static class DeliveryTimes
{
    /// <summary>Deliverers leave the kitchen half an hour before the café starts serving.</summary>
    public static DateTimeOffset RoundStartsAt(DateOnly date) => CafeHours.MealTime(date).From.AddMinutes(-30);
}
