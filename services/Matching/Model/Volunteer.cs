namespace WijPlatform.Matching.Model;

/// <summary>A resident who offers a talent to neighbours: a walk, knitting lessons, computer help, an odd job.</summary>
public sealed record Volunteer(Guid Id, string FirstName, string[] Talents, string Postcode, DateTime CreatedAt)
{
    // Materialization from a row sets the properties; arrays cannot bind to the positional constructor.
    private Volunteer()
        : this(Guid.Empty, "", [], "", default)
    {
    }
}

/// <summary>Someone needs a volunteer: from intake, from the café's delivery rounds, or registered here.</summary>
public sealed record VolunteerRequest(
    Guid Id,
    string Source,
    Guid? CaseId,
    string Talent,
    string Postcode,
    DateTime? WantedAt,
    string Urgency,
    bool InsideHome,
    string Status,
    DateTime CreatedAt);
