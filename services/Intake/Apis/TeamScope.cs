using Dapper;
using Npgsql;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// A professional works in one neighbourhood team (the <c>team</c> claim) and sees that team's
/// cases, plans and worklists only; an administrator sees all. The record named by a route value
/// decides the team; a list's <c>neighbourhood</c> filter is set to the caller's team.
/// </summary>
public static class TeamScope
{
    /// <summary>The record the route names: a case (by its id) or a household (for its plan).</summary>
    public enum Record
    {
        None,
        Case,
        Household,
    }

    public static TBuilder ScopedToTeam<TBuilder>(this TBuilder builder, Record record = Record.None, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var neighbourhood = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.Name == "neighbourhood" && p.ParameterType == typeof(string));
            return async context =>
            {
                var user = context.HttpContext.User;
                if (user.IsAdmin() || !user.IsInRole(WijRoles.Professional))
                {
                    return await next(context);
                }
                if (user.Team() is not { } team)
                {
                    return Problems.Forbidden("Your token names no neighbourhood team.");
                }
                if (neighbourhood >= 0)
                {
                    if (context.Arguments[neighbourhood] is string asked && asked != team)
                    {
                        return Problems.Forbidden("You see the cases of your own neighbourhood team only.");
                    }
                    context.Arguments[neighbourhood] = team;
                }
                if (record != Record.None && Guid.TryParse(context.HttpContext.Request.RouteValues[routeValue]?.ToString(), out var id))
                {
                    var owner = await TeamOfAsync(context.HttpContext.RequestServices.GetRequiredService<NpgsqlDataSource>(), record, id, context.HttpContext.RequestAborted);
                    // An unknown record is the endpoint's 404 to give; a known one of another team is not the caller's business.
                    if (owner is { Found: true } && owner.Value.Neighbourhood != team)
                    {
                        return Problems.Forbidden("This belongs to another neighbourhood team.");
                    }
                }
                return await next(context);
            };
        });

    private static async Task<(bool Found, string? Neighbourhood)?> TeamOfAsync(NpgsqlDataSource db, Record record, Guid id, CancellationToken ct)
    {
        var sql = record == Record.Case
            ? "SELECT neighbourhood FROM help_requests WHERE id = @id"
            : "SELECT neighbourhood FROM households WHERE id = @id";
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<string?>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).ToList();
        return rows.Count == 0 ? (false, null) : (true, rows[0]);
    }
}
