using System.Globalization;

namespace WijPlatform.Calendar.Apis;

/// <summary>Dutch texts for residents: prices, days and times as the printed overview and the feeds show them.</summary>
public static class Texts
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Euros(int cents) => cents == 0 ? "gratis" : (cents / 100m).ToString("C", Dutch);

    /// <summary>The price, with the reduced price for holders of the municipal low-income pass.</summary>
    public static string Price(Activity activity) =>
        activity.ReducedPriceCents is { } reduced && reduced < activity.PriceCents
            ? $"{Euros(activity.PriceCents)} (met stadspas {Euros(reduced)})"
            : Euros(activity.PriceCents);

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM", Dutch);

    public static string Time(DateTime startsAt, DateTime endsAt) =>
        $"{Amsterdam.ToLocal(startsAt):HH:mm} tot {Amsterdam.ToLocal(endsAt):HH:mm} uur";
}
