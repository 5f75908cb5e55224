namespace WijPlatform.Notices.Model;

/// <summary>
/// The words of each notice (keys of notices' texts.json, written in Dutch when the notice is made): the same text is read out by the desk (or the coordinator, to a volunteer), printed in the letter and
/// sent as the message. Only what the person needs: what happened to them, when and where; never
/// why a professional decided something (that is for their regisseur to explain).
/// </summary>
public static class NoticeTexts
{
    public const string SignupPromoted = "signup-promoted";
    public const string MealDeliveryAccepted = "meal-delivery-accepted";
    public const string MealDeliveryDeclined = "meal-delivery-declined";
    public const string ActivityCancelled = "activity-cancelled";
    public const string VolunteerIntroduced = "volunteer-introduced";
    public const string VogExpiring = "vog-expiring";
    public const string DeliveryRoundAssigned = "delivery-round-assigned";

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static (Text Subject, Text Text) Promoted(string? title, DateTimeOffset startsAt) =>
        ("notices.promoted.subject", new Text("notices.promoted", Activity(title), Local(startsAt)));

    public static (Text Subject, Text Text) Cancelled(string? title, DateTimeOffset? startsAt) =>
        (new Text("notices.cancelled.subject", Activity(title)), startsAt is { } at
            ? new Text("notices.occurrence-cancelled", Activity(title), Local(at))
            : new Text("notices.cancelled", Activity(title)));

    public static (Text Subject, Text Text) Introduced(string? volunteerFirstName) =>
        ("notices.introduced.subject", string.IsNullOrWhiteSpace(volunteerFirstName)
            ? "notices.introduced"
            : new Text("notices.introduced-by-name", volunteerFirstName.Trim()));

    public static (Text Subject, Text Text) MealsAccepted(IReadOnlyList<string> weekdays, DateOnly startsOn) =>
        ("notices.meals-accepted.subject", new Text("notices.meals-accepted", startsOn, Days(weekdays)));

    public static (Text Subject, Text Text) MealsDeclined() => ("notices.meals-declined.subject", "notices.meals-declined");

    /// <summary>To a volunteer (informal, as volunteers are addressed): when their VOG expires, or that it has.</summary>
    public static (Text Subject, Text Text) VogExpires(DateOnly expiresOn, DateOnly warnedOn) => expiresOn <= warnedOn
        ? ("notices.vog-expired.subject", new Text("notices.vog-expired", expiresOn))
        : ("notices.vog-expiring.subject", new Text("notices.vog-expiring", expiresOn));

    /// <summary>To a deliverer: the day, the round, from when and how many addresses; the addresses themselves they see in the round.</summary>
    public static (Text Subject, Text Text) RoundAssigned(DateOnly date, int number, DateTimeOffset startsAt, int addresses) =>
        (new Text("notices.round-assigned.subject", date),
            new Text("notices.round-assigned", date, number, Local(startsAt), addresses == 1 ? new Text("notices.one-address") : new Text("notices.addresses", addresses)));

    /// <summary>The activity's own name, or "de activiteit".</summary>
    private static object Activity(string? title) => string.IsNullOrWhiteSpace(title) ? new Text("notices.the-activity") : title.Trim();

    private static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Amsterdam).DateTime;

    /// <summary>What the desk says on the phone: who is calling, then the notice.</summary>
    public static string Say(string firstName, string lastName, string text) =>
        $"Goedendag, spreek ik met {firstName} {lastName}? U spreekt met het steunpunt in de wijk. {text}";

    /// <summary>"op maandag en donderdag": the café's weekdays as words of the reader's language.</summary>
    private static Text Days(IReadOnlyList<string> weekdays) =>
        weekdays.Count == 0 ? "notices.agreed-days" : SharedWords.Weekdays.List(weekdays.Select(d => d.Trim().ToLowerInvariant()));
}
