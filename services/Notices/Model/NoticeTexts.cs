using System.Globalization;

namespace WijPlatform.Notices.Model;

/// <summary>
/// The Dutch words of each notice: the same text is read out by the desk, printed in the letter and
/// sent as the message. Only what the resident needs: what happened to them, when and where; never
/// why a professional decided something (that is for their regisseur to explain).
/// </summary>
public static class NoticeTexts
{
    public const string SignupPromoted = "signup-promoted";
    public const string MealDeliveryAccepted = "meal-delivery-accepted";
    public const string MealDeliveryDeclined = "meal-delivery-declined";
    public const string ActivityCancelled = "activity-cancelled";
    public const string VolunteerIntroduced = "volunteer-introduced";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static (string Subject, string Text) Promoted(string? title, DateTimeOffset startsAt)
    {
        var local = TimeZoneInfo.ConvertTime(startsAt, Amsterdam);
        var activity = string.IsNullOrWhiteSpace(title) ? "de activiteit" : title.Trim();
        return ("Er is een plek voor u vrijgekomen",
            $"Goed nieuws: er is een plek vrijgekomen bij {activity} op {local.ToString("dddd d MMMM", Dutch)} om {local.ToString("HH.mm", Dutch)} uur. " +
            "U staat niet meer op de wachtlijst en bent van harte welkom.");
    }

    public static (string Subject, string Text) Cancelled(string? title, DateTimeOffset? startsAt)
    {
        var activity = string.IsNullOrWhiteSpace(title) ? "de activiteit" : title.Trim();
        if (startsAt is not { } at)
        {
            return ($"{activity} gaat niet door", $"Helaas gaat {activity} niet meer door. U hoeft niet te komen; uw aanmelding is vervallen.");
        }
        var local = TimeZoneInfo.ConvertTime(at, Amsterdam);
        return ($"{activity} gaat niet door",
            $"Helaas gaat {activity} op {local.ToString("dddd d MMMM", Dutch)} om {local.ToString("HH.mm", Dutch)} uur niet door. U hoeft die dag niet te komen.");
    }

    public static (string Subject, string Text) Introduced(string? volunteerFirstName) =>
        ("Er is een vrijwilliger voor u",
            string.IsNullOrWhiteSpace(volunteerFirstName)
                ? "Goed nieuws: we hebben een vrijwilliger voor u gevonden. Hij of zij neemt binnenkort contact met u op om kennis te maken."
                : $"Goed nieuws: we hebben een vrijwilliger voor u gevonden: {volunteerFirstName.Trim()}. {volunteerFirstName.Trim()} neemt binnenkort contact met u op om kennis te maken.");

    public static (string Subject, string Text) MealsAccepted(IReadOnlyList<string> weekdays, DateOnly startsOn) =>
        ("Uw maaltijden worden bezorgd",
            $"Goed nieuws: Café Noord brengt u vanaf {startsOn.ToString("dddd d MMMM", Dutch)} een warme maaltijd thuis, op {Days(weekdays)}. " +
            "De bezorger belt bij u aan rond het middaguur.");

    public static (string Subject, string Text) MealsDeclined() =>
        ("Over de maaltijdbezorging",
            "Café Noord kan helaas geen maaltijden bij u thuis bezorgen. " +
            "Uw contactpersoon van het wijkteam neemt contact met u op om samen te kijken wat wel kan.");

    /// <summary>What the desk says on the phone: who is calling, then the notice.</summary>
    public static string Say(string firstName, string lastName, string text) =>
        $"Goedendag, spreek ik met {firstName} {lastName}? U spreekt met het steunpunt in de wijk. {text}";

    private static string Days(IReadOnlyList<string> weekdays)
    {
        var names = weekdays.Select(DayName).ToList();
        return names.Count switch
        {
            0 => "de afgesproken dagen",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " en " + names[^1],
        };
    }

    private static string DayName(string weekday) => weekday.Trim().ToLowerInvariant() switch
    {
        "monday" => "maandag",
        "tuesday" => "dinsdag",
        "wednesday" => "woensdag",
        "thursday" => "donderdag",
        "friday" => "vrijdag",
        "saturday" => "zaterdag",
        "sunday" => "zondag",
        var other => other,
    };
}
