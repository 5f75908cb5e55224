namespace WijPlatform.Intake.Model;

/// <summary>
/// A resident's question at the desk, by phone, online or through an informal carer. One that was
/// not answered on the spot is a case: it has a lifecycle, a regisseur and a timeline.
/// </summary>
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
    public static readonly string[] Channels = ["desk", "phone", "email", "online", "on-behalf", "partner-signal", "cafe-signal"];

    public static readonly string[] KnownDomains = ["wonen", "welzijn", "zorg", "opvoeding", "financien", "werk", "eenzaamheid"];

    public Guid? ResidentId { get; init; }

    public Guid? HouseholdId { get; init; }

    public string? Neighbourhood { get; init; }

    /// <summary>The informal carer (mantelzorger) who asked on the resident's behalf.</summary>
    public string? OnBehalfOf { get; init; }

    public Guid? RegisseurId { get; init; }

    public string? Outcome { get; init; }

    public DateTime? ClosedAt { get; init; }

    /// <summary>Set when a new case joined the household's regisseur, so that whoever registered it learns who that is.</summary>
    public HouseholdRegisseur? HouseholdRegisseur { get; init; }

    // Materialization from a row sets the properties; arrays cannot bind to the positional constructor.
    private HelpRequest()
        : this(Guid.Empty, "", [], "", "", "", null, "", default)
    {
    }
}

public static class Domains
{
    public static string[] Normalise(IEnumerable<string> domains) => domains.Select(d => d.Trim().ToLowerInvariant()).Distinct().ToArray();

    /// <summary>A field error naming the unknown domains, or null when all are known.</summary>
    public static Text? Unknown(IEnumerable<string?>? domains)
    {
        var unknown = (domains ?? []).Where(d => !HelpRequest.KnownDomains.Contains(d?.Trim().ToLowerInvariant())).ToList();
        return unknown.Count == 0 ? null : new Text("intake.unknown-domains", string.Join(", ", unknown), string.Join(", ", HelpRequest.KnownDomains));
    }
}
