namespace WijPlatform.Cafe.Model;

/// <summary>
/// A delivery stop is ticked off as delivered, or as "no answer". A resident who does not open the
/// door may be unwell, so a no-answer is followed up: call the resident, then their emergency
/// contact, and if neither is reached the neighbourhood team (intake) gets a signal.
/// </summary>
public static class NoAnswerProtocol
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string CallResident = "call-resident";
    public const string CallEmergencyContact = "call-emergency-contact";
    public const string Resolved = "resolved";
    public const string Signalled = "signalled";

    public static readonly string[] Events = ["delivered", "no-answer", "resident-reached", "resident-not-reached", "contact-reached", "contact-not-reached"];

    /// <summary>The stop's next status, or null when the event does not follow from where the stop is.</summary>
    public static string? Next(string status, string stopEvent) => (status, stopEvent) switch
    {
        (Pending, "delivered") => Delivered,
        (Pending, "no-answer") => CallResident,
        (CallResident, "resident-reached") => Resolved,
        (CallResident, "resident-not-reached") => CallEmergencyContact,
        // A resident without an emergency contact is signalled straight away by the caller choosing this event.
        (CallEmergencyContact, "contact-reached") => Resolved,
        (CallEmergencyContact, "contact-not-reached") => Signalled,
        _ => null,
    };

    /// <summary>What the caller should do next, in Dutch for the café staff.</summary>
    public static string Instruction(string status) => status switch
    {
        Pending => "Nog bezorgen.",
        Delivered => "Bezorgd.",
        CallResident => "Geen gehoor: bel de bewoner.",
        CallEmergencyContact => "Bewoner niet bereikt: bel de contactpersoon voor noodgevallen.",
        Resolved => "Afgehandeld na telefonisch contact.",
        Signalled => "Niemand bereikt: het wijkteam is gewaarschuwd.",
        _ => "",
    };
}
