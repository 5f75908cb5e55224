namespace WijPlatform.Notices.Model;

/// <summary>
/// How a notice reaches a person, from the way of contact they chose. A resident: a phone call from
/// the desk for those who prefer the phone, a text message for those who prefer SMS, an email for
/// those who prefer email, and a printed letter for everyone else (a letter can be posted, handed
/// over at the desk, taken along on a home visit or given to the informal carer). A volunteer: a text
/// message or an email when they chose one, else the coordinator tells them (phones them, or in person:
/// many deliverers work under supervision), so a volunteer's call is on the coordinator's list.
/// </summary>
public static class ContactWay
{
    public const string Call = "call";
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Letter = "letter";

    /// <summary>The ways a sender delivers; the others are done by people and ticked off.</summary>
    public static readonly string[] Sent = [Email, Sms];

    public static string For(string preferredContact, string? phone, string? email) => preferredContact switch
    {
        "phone" when !string.IsNullOrWhiteSpace(phone) => Call,
        "sms" when !string.IsNullOrWhiteSpace(phone) => Sms,
        "email" when !string.IsNullOrWhiteSpace(email) => Email,
        _ => Letter,
    };

    public static string ForVolunteer(string preferredContact, string? phone, string? email) => preferredContact switch
    {
        "sms" when !string.IsNullOrWhiteSpace(phone) => Sms,
        "email" when !string.IsNullOrWhiteSpace(email) => Email,
        _ => Call,
    };
}
