using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Matching.Apis;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        // Counts per talent and neighbourhood: no person in them.
        var api = app.MapGroup("/api/matching/reports").WithTags("Reports").RequireRoles(WijRoles.Coordinator, WijRoles.Professional).WithoutResidentData();
        api.MapGet("/unmet-demand", async Task<Ok<Page<UnmetDemand>>> ([AsParameters] PageRequest page, ReportStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.UnmetDemandAsync(page, ct))).WithSummary("Open requests per talent and neighbourhood, and how many were reported unmatched");
        api.MapGet("/active-volunteers", async Task<Ok<Page<ActiveVolunteers>>> ([AsParameters] PageRequest page, ReportStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ActiveVolunteersAsync(page, ct))).WithSummary("Volunteers per neighbourhood, and how many have an active match");
        return api;
    }
}
