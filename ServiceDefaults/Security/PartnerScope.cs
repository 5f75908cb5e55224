using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// A partner organisation (claim <c>partner_org</c>, set by the gateway from its API key) reaches
/// its own signals only; staff admitted to the same endpoint reach all.
/// </summary>
public sealed class PartnerScope : IBindableFromHttpContext<PartnerScope>, IRecordScope
{
    private PartnerScope(bool everyone, string? organisation) => (Everyone, Organisation) = (everyone, organisation);

    public static PartnerScope Staff { get; } = new(true, null);

    public static PartnerScope Nobody { get; } = new(false, null);

    public static string Kind => "partner";

    public bool Everyone { get; }

    /// <summary>The calling organisation; null for staff and for a partner token without one.</summary>
    public string? Organisation { get; }

    public static PartnerScope Of(string organisation) => new(false, organisation);

    public bool Covers(string? partner) => Everyone || (Organisation is not null && string.Equals(Organisation, partner, StringComparison.Ordinal));

    public static PartnerScope For(ClaimsPrincipal user, IReadOnlyCollection<string> admittedRoles)
    {
        if (admittedRoles.Any(role => role != WijRoles.Partner))
        {
            return Staff;
        }
        return admittedRoles.Contains(WijRoles.Partner) && user.PartnerOrganisation() is { Length: > 0 } organisation ? Of(organisation) : Nobody;
    }

    public static ValueTask<PartnerScope?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<PartnerScope?>(For(context.User, EndpointRoles.Admitted(context)));
}
