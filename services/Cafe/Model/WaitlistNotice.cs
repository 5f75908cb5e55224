using System.Globalization;

namespace WijPlatform.Cafe.Model;

/// <summary>
/// A waiting resident got a freed portion. Many customers have no app, so the desk phones them; the
/// notice stays on the desk's list until someone ticks it off, and the resident's app can show it.
/// </summary>
public sealed record WaitlistNotice(
    Guid Id,
    Guid OrderId,
    DateOnly MenuDate,
    Guid? ResidentId,
    string ResidentName,
    string? Phone,
    string Fulfilment,
    int Portions,
    DateTime CreatedAt,
    DateTime? ToldAt,
    string? ToldBy)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private WaitlistNotice()
        : this(Guid.Empty, Guid.Empty, default, null, "", null, "", 0, default, null, null)
    {
    }

    /// <summary>What the desk reads out, or the app shows, to the resident.</summary>
    public string Message => Text(MenuDate, Fulfilment);

    public static string Text(DateOnly date, string fulfilment) =>
        $"Goed nieuws: er is een maaltijd vrijgekomen. Uw bestelling voor {date.ToString("dddd d MMMM", Dutch)} staat vast" + fulfilment switch
        {
            "delivery" => "; we bezorgen de maaltijd bij u thuis.",
            "pick-up" => "; u kunt de maaltijd ophalen in het café.",
            _ => "; u bent welkom in het café.",
        };
}
