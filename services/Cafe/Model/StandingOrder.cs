namespace WijPlatform.Cafe.Model;

/// <summary>
/// A resident's recurring order, for example every Monday and Thursday. A pause runs from
/// <see cref="PausedFrom"/> up to (not including) <see cref="PausedUntil"/>, the day it restarts by itself.
/// </summary>
public sealed record StandingOrder(
    Guid Id,
    Guid ResidentId,
    int[] Weekdays,
    string Fulfilment,
    int Portions,
    string? SpecialRequest,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DateOnly? PausedFrom,
    DateOnly? PausedUntil,
    string Status,
    DateTime CreatedAt)
{
    private StandingOrder()
        : this(Guid.Empty, Guid.Empty, [], "", 0, null, default, null, null, null, "", default)
    {
    }

    /// <summary>The weekdays by name, as the API takes them (Weekdays holds them as numbers, Sunday = 0).</summary>
    public string[] Days => Weekdays.Select(d => DayNames[d]).ToArray();

    public bool IsPausedOn(DateOnly date) =>
        PausedFrom is { } from && date >= from && (PausedUntil is not { } until || date < until);

    /// <summary>Whether this standing order asks for a meal on <paramref name="date"/>.</summary>
    public bool OrdersOn(DateOnly date) =>
        Status == "active"
        && date >= StartsOn
        && (EndsOn is not { } end || date <= end)
        && Weekdays.Contains((int)date.DayOfWeek)
        && !IsPausedOn(date);

    /// <summary>ISO weekday names (monday ... sunday) as the API speaks them.</summary>
    public static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
}
