using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Apis;

/// <summary>A resident may ask who looked at their file (NEN 7513); the desk shows them this.</summary>
public static class AccessLogApi
{
    public static RouteGroupBuilder MapAccessLogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/residents/{residentId:guid}/access-log").WithTags("Residents")
            .RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("access-log");
        api.MapGet("/", async Task<Results<Ok<Page<AccessLogLine>>, ProblemHttpResult>> (Guid residentId, [AsParameters] PageRequest page, TeamScope scope, ResidentStore residents, AuditTrail audit, CancellationToken ct) =>
                (await residents.ResidentOfTeamAsync(residentId, scope, ct)).Problem(() => ResidentsApi.NotFound(residentId)) is { } problem
                    ? problem
                    : TypedResults.Ok(await audit.AccessLogAsync(residentId, page, ct)))
            .WithSummary("Who read or changed this resident's data in intake, newest first");
        return api;
    }
}
