using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// A volunteer sees their own records only: their profile and tasks, their matches, the delivery
/// round they ride. Staff roles on the same endpoints are not limited by it.
/// </summary>
public static class VolunteerScope
{
    /// <param name="ownerQuery">SQL giving the volunteer id that owns the record <c>@id</c>; null when the route id is the volunteer's own id.</param>
    public static TBuilder OwnedByVolunteer<TBuilder>(this TBuilder builder, string? ownerQuery = null, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var user = context.HttpContext.User;
            if (!user.IsInRole(WijRoles.Volunteer) || WijRoles.All.Any(r => r != WijRoles.Volunteer && user.IsInRole(r))
                || !Guid.TryParse(context.HttpContext.Request.RouteValues[routeValue]?.ToString(), out var id))
            {
                return await next(context);
            }
            if (user.VolunteerId() is not { } self)
            {
                return Problems.Forbidden("Your token names no volunteer.");
            }
            var owner = id;
            if (ownerQuery is not null)
            {
                await using var connection = await context.HttpContext.RequestServices.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(context.HttpContext.RequestAborted);
                // An unknown record is the endpoint's 404 to give.
                owner = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(ownerQuery, new { id }, cancellationToken: context.HttpContext.RequestAborted)) ?? self;
            }
            return owner == self ? await next(context) : Problems.Forbidden("This belongs to another volunteer.");
        });
}
