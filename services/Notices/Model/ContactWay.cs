namespace WijPlatform.Notices.Model;

/// <summary>
/// How a notice reaches a resident, from the way of contact they chose at the desk. A phone call
/// from the desk for those who prefer the phone, an email for those who prefer email, and a printed
/// letter for everyone else: a letter can be posted, handed over at the desk, taken along on a home
/// visit or given to the informal carer.
/// </summary>
public static class ContactWay
{
    public const string Call = "call";
    public const string Email = "email";
    public const string Letter = "letter";

    public static string For(string preferredContact, string? phone, string? email) => preferredContact switch
    {
        "phone" when !string.IsNullOrWhiteSpace(phone) => Call,
        "email" when !string.IsNullOrWhiteSpace(email) => Email,
        _ => Letter,
    };
}
