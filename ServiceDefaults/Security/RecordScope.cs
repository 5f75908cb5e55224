using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Which records of a kind the caller reaches: a neighbourhood team's, a volunteer's own, a partner's
/// own. A scope is bound in the handler from the verified token and the endpoint's roles, and every
/// store method that reads or changes such records takes it as a parameter, so that the filter is
/// part of the query itself and cannot be left out or switched off by renaming something.
/// </summary>
public interface IRecordScope
{
    /// <summary>What the scope is about, as the endpoint report lists it: team, volunteer, partner.</summary>
    static abstract string Kind { get; }
}

internal static class EndpointRoles
{
    /// <summary>The roles the endpoint admits that the caller holds; a caller's widest reach among them decides the scope.</summary>
    public static IReadOnlyList<string> Admitted(HttpContext context)
    {
        var allowed = RolesInOpenApi.AllowedRoles(context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? []);
        return allowed.Where(context.User.IsInRole).ToList();
    }
}
