using Microsoft.AspNetCore.Authorization;

namespace Microsoft.AspNetCore.Builder;

public static class RoleConventions
{
    /// <summary>Only these roles (and admin) may call the endpoint; on a group, every endpoint in it.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles.Append(WijRoles.Admin).Distinct()) });
}
