using System.Security.Claims;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>What a service reads from the verified token of whoever calls it.</summary>
public static class CallerClaims
{
    public static string? Subject(this ClaimsPrincipal user) => user.FindFirst(WijClaims.Subject)?.Value;

    public static string? Team(this ClaimsPrincipal user) => user.FindFirst(WijClaims.Team)?.Value;

    public static string? PartnerOrganisation(this ClaimsPrincipal user) => user.FindFirst(WijClaims.PartnerOrganisation)?.Value;

    public static string? OnBehalfOf(this ClaimsPrincipal user) => user.FindFirst(WijClaims.OnBehalfOf)?.Value;

    public static Guid? ProfessionalId(this ClaimsPrincipal user) => GuidClaim(user, WijClaims.ProfessionalId);

    public static Guid? VolunteerId(this ClaimsPrincipal user) => GuidClaim(user, WijClaims.VolunteerId);

    public static Guid? ResidentId(this ClaimsPrincipal user) => GuidClaim(user, WijClaims.ResidentId);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(WijRoles.Admin);

    public static string Roles(this ClaimsPrincipal user) =>
        string.Join(",", user.FindAll(WijClaims.Role).Select(c => c.Value));

    /// <summary>How the caller appears on timelines and in the audit trail: "name (role)".</summary>
    public static string Display(this ClaimsPrincipal user)
    {
        var who = user.FindFirst(WijClaims.Name)?.Value ?? user.Subject() ?? "unknown";
        var display = $"{who} ({user.Roles()})";
        return display.Length > 100 ? display[..100] : display;
    }

    private static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirst(type)?.Value, out var id) ? id : null;
}
