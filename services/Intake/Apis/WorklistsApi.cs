namespace WijPlatform.Intake.Apis;

/// <summary>A team's to-do lists; every list holds the caller's own team's cases and households only.</summary>
public static class WorklistsApi
{
    public static RouteGroupBuilder MapWorklistsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/worklists").WithTags("Worklists").RequireRoles(WijRoles.Professional).Audited("worklist");
        api.MapGet("/open-cases", async Task<Results<Ok<Page<HelpRequest>>, ProblemHttpResult>> ([AsParameters] PageRequest page, string? neighbourhood, Guid? regisseurId, TeamScope scope, CaseStore store, CancellationToken ct) =>
                CasesApi.OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<HelpRequest>>, ProblemHttpResult>)TypedResults.Ok(
                    await store.ListAsync(scope, null, neighbourhood, regisseurId, null, openOnly: true, page, ct)))
            .WithSummary("Open cases, per neighbourhood and/or per regisseur");
        api.MapGet("/open-case-counts", async ([AsParameters] PageRequest page, [AllowedValues("neighbourhood", "regisseur")] string? by, TeamScope scope, CaseStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.OpenCaseCountsAsync(scope, by == "regisseur", page, ct)))
            .WithSummary("How many of the team's cases are open per neighbourhood (default) or per regisseur (?by=regisseur)");
        api.MapGet("/overdue-actions", async Task<Results<Ok<Page<PlanItem>>, ProblemHttpResult>> ([AsParameters] PageRequest page, string? owner, string? neighbourhood, TeamScope scope, PlanStore store, TimeProvider clock, CancellationToken ct) =>
                CasesApi.OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<PlanItem>>, ProblemHttpResult>)TypedResults.Ok(
                    await store.OverdueActionsAsync(scope, Amsterdam.Today(clock.GetUtcNow()), owner, neighbourhood, page, ct)))
            .WithSummary("Plan actions past their due date (Amsterdam days) and not done, optionally for one owner");
        api.MapGet("/due-follow-ups", async Task<Results<Ok<Page<Referral>>, ProblemHttpResult>> ([AsParameters] PageRequest page, string? neighbourhood, TeamScope scope, ReferralStore store, TimeProvider clock, CancellationToken ct) =>
                CasesApi.OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<Referral>>, ProblemHttpResult>)TypedResults.Ok(
                    await store.DueFollowUpsAsync(scope, Amsterdam.Today(clock.GetUtcNow()), neighbourhood, page, ct)))
            .WithSummary("Referrals to partners whose follow-up date has come and that were not followed up yet");
        api.MapGet("/signals", async Task<Results<Ok<Page<OpenSignal>>, ProblemHttpResult>> ([AsParameters] PageRequest page, string? neighbourhood, Guid? regisseurId, TeamScope scope, CaseStore store, CancellationToken ct) =>
                CasesApi.OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<OpenSignal>>, ProblemHttpResult>)TypedResults.Ok(
                    await store.OpenSignalsAsync(scope, neighbourhood, regisseurId, page, ct)))
            .WithSummary("Signals about residents (a partner's worry, the café's meal delivery finding no one, repeated no-shows) on open cases, until contact with the household is recorded");
        api.MapGet("/without-contact", WithoutContact)
            .WithSummary("Households with an open case and no recorded contact for the given number of weeks");
        return api;
    }

    public static async Task<Results<Ok<Page<QuietHousehold>>, ValidationProblem, ProblemHttpResult>> WithoutContact(
        [AsParameters] PageRequest page, [Range(1, 104)] int? weeks, string? neighbourhood, TeamScope scope, CaseStore store, TimeProvider clock, CancellationToken ct)
    {
        if (weeks is not (>= 1 and <= 104 and var n))
        {
            return Problems.Invalid("weeks", "intake.give-number-weeks-without");
        }
        if (CasesApi.OtherTeam(scope, neighbourhood) is { } otherTeam)
        {
            return otherTeam;
        }
        return TypedResults.Ok(await store.WithoutContactSinceAsync(scope, clock.GetUtcNow().UtcDateTime.AddDays(-7 * n), neighbourhood, page, ct));
    }
}
