namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// The roles a caller's token carries (claim <c>role</c>). Each sees the least it needs: the desk
/// contact data but no case notes, the coordinator volunteers but no cases, the operator the
/// platform's health but no person at all.
/// </summary>
public static class WijRoles
{
    public const string Desk = "desk";
    public const string Professional = "professional";
    public const string Coordinator = "coordinator";
    public const string Volunteer = "volunteer";
    public const string Cafe = "cafe";
    public const string Partner = "partner";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>A resident signed in to the resident app (DigiD at the municipality), acting for themselves only (claim <c>resident_id</c>).</summary>
    public const string Resident = "resident";

    public static readonly string[] All = [Desk, Professional, Coordinator, Volunteer, Cafe, Partner, Operator, Admin, Resident];
}

/// <summary>The claims WijPlatform reads besides <c>sub</c>, <c>name</c> and <c>role</c>.</summary>
public static class WijClaims
{
    public const string Role = "role";
    public const string Name = "name";
    public const string Subject = "sub";

    /// <summary>A professional's neighbourhood team: the cases of that neighbourhood are theirs.</summary>
    public const string Team = "team";

    /// <summary>The professional id in intake (a regisseur sees the full plan of their households).</summary>
    public const string ProfessionalId = "professional_id";

    /// <summary>The volunteer id in matching: a volunteer sees only their own matches and rounds.</summary>
    public const string VolunteerId = "volunteer_id";

    /// <summary>The resident id in intake of a resident who signed in themselves.</summary>
    public const string ResidentId = "resident_id";

    /// <summary>The partner organisation a partner system's key belongs to.</summary>
    public const string PartnerOrganisation = "partner_org";

    /// <summary>Whom the caller acts for, such as the resident at the desk (NEN 7513 "on behalf of").</summary>
    public const string OnBehalfOf = "on_behalf_of";
}
