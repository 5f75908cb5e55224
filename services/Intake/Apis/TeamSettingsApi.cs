namespace WijPlatform.Intake.Apis;

/// <summary>
/// What a neighbourhood team decides for itself. Its own professionals set it (the team answers for
/// the visits it sends), each change recording who and when; another team is refused.
/// </summary>
public static class TeamSettingsApi
{
    public static RouteGroupBuilder MapTeamSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/teams").WithTags("Team settings").RequireRoles(WijRoles.Professional).Audited("team-settings");
        api.MapGet("/{team}/settings", async Task<Results<Ok<TeamSettings>, ProblemHttpResult>> (string team, TeamScope scope, TeamSettingsStore store, CancellationToken ct) =>
                CasesApi.OtherTeam(scope, team) ?? (Results<Ok<TeamSettings>, ProblemHttpResult>)TypedResults.Ok(await store.OfAsync(team, ct)))
            .WithSummary("The team's settings: whether partner signals ask for a home visit without triage");
        api.MapPut("/{team}/settings", ChangeSettings)
            .WithSummary("Switch automatic home-visit requests for partner signals on or off (a professional of the team)");
        return api;
    }

    public static async Task<Results<Ok<TeamSettings>, ProblemHttpResult>> ChangeSettings(
        string team, ChangeTeamSettings request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        if (CasesApi.OtherTeam(scope, team) is { } refused)
        {
            return refused;
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        var settings = await TeamSettingsStore.SetAsync(work, new TeamSettings(team, request.AutomaticVisitRequests, caller.Display, clock.GetUtcNow().UtcDateTime), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(settings);
    }
}

public sealed record ChangeTeamSettings(bool AutomaticVisitRequests);
