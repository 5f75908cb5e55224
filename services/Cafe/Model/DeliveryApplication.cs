namespace WijPlatform.Cafe.Model;

/// <summary>
/// The neighbourhood team asks the café to bring a resident warm meals. As at any meals-on-wheels
/// desk, nothing is delivered on the application alone: the desk calls the resident to agree the
/// days, diet, payment and an emergency contact, then accepts (a standing order for home delivery
/// starts) or declines with a reason the team can act on.
/// </summary>
public sealed record DeliveryApplication(
    Guid Id,
    Guid ResidentId,
    string DisplayName,
    string Street,
    string HouseNumber,
    string Postcode,
    string? Phone,
    int[] Weekdays,
    DateOnly? StartsOn,
    string? Remarks,
    string Status,
    Guid? StandingOrderId,
    string? DeclineReason,
    string? DecidedBy,
    DateTime ReceivedAt,
    DateTime? DecidedAt)
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";

    private DeliveryApplication()
        : this(Guid.Empty, Guid.Empty, "", "", "", "", null, [], null, null, "", null, null, null, default, null)
    {
    }

    /// <summary>The weekdays by name, as the API speaks them.</summary>
    public string[] Days => Weekdays.Select(d => StandingOrder.DayNames[d]).ToArray();

    /// <summary>
    /// The first day meals come: the agreed day, else the wished one, but never before tomorrow, since
    /// today's orders are closed or the kitchen has planned them.
    /// </summary>
    public static DateOnly FirstDay(DateOnly? agreed, DateOnly? wished, DateOnly today) =>
        (agreed ?? wished) is { } day && day > today ? day : today.AddDays(1);

    /// <summary>Weekday names to the numbers standing orders keep (Sunday = 0), or null when one is unknown.</summary>
    public static int[]? DayNumbers(IEnumerable<string> names)
    {
        var numbers = names.Select(n => Array.IndexOf(StandingOrder.DayNames, n.Trim().ToLowerInvariant())).ToArray();
        return numbers.Length == 0 || numbers.Any(n => n < 0) ? null : numbers.Distinct().Order().ToArray();
    }
}
