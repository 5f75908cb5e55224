namespace WijPlatform.Intake.Model;

/// <summary>A resident's question at the desk, by phone, online or through an informal carer.</summary>
public sealed record HelpRequest(
    Guid Id,
    string Channel,
    string[] Domains,
    string Urgency,
    string Postcode,
    string Description,
    string? Talent,
    string Status,
    DateTime CreatedAt)
{
    public static readonly string[] Channels = ["desk", "phone", "email", "online", "on-behalf"];

    public static readonly string[] KnownDomains = ["wonen", "welzijn", "zorg", "opvoeding", "financien", "werk", "eenzaamheid"];

    public static readonly string[] Urgencies = ["low", "normal", "high", "crisis"];

    // Materialization from a row sets the properties; arrays cannot bind to the positional constructor.
    private HelpRequest()
        : this(Guid.Empty, "", [], "", "", "", null, "", default)
    {
    }
}
