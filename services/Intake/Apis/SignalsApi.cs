using MassTransit;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// A partner organisation (the home-cleaning company that suspects loneliness) signals worry about
/// an address. The signal joins the household's open case or starts one and waits on the team's
/// worklist; a professional of the team triages it, and only then is a volunteer home visit requested
/// (at once when the team switched on automatic requests). The partner only ever sees its signal's
/// status (received, acted-upon, visit-requested, visit-planned), never the case.
/// </summary>
public static class SignalsApi
{
    public static RouteGroupBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/signals").WithTags("Partner signals").RequireRoles(WijRoles.Partner, WijRoles.Desk, WijRoles.Professional).Audited("signal");
        api.MapPost("/", SubmitSignal).WithSummary("A partner signals concern about a resident at an address");
        api.MapGet("/{id:guid}", async Task<Results<Ok<SignalStatus>, ProblemHttpResult>> (Guid id, PartnerScope scope, SignalStore store, CancellationToken ct) =>
                // Another organisation's signal does not exist as far as a partner can tell.
                await store.FindStatusAsync(id, scope, ct) is { } signal ? TypedResults.Ok(signal) : Problems.NotFound("signal", id))
            .WithSummary("Where the signal stands: received, acted-upon, visit-requested, visit-planned (never the case itself)").RequireRoles(WijRoles.Partner, WijRoles.Professional);
        api.MapGet("/awaiting-triage", async Task<Results<Ok<Page<PartnerSignal>>, ProblemHttpResult>> ([AsParameters] PageRequest page, string? neighbourhood, TeamScope scope, SignalStore store, CancellationToken ct) =>
                CasesApi.OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<PartnerSignal>>, ProblemHttpResult>)TypedResults.Ok(await store.AwaitingTriageAsync(scope, neighbourhood, page, ct)))
            .WithSummary("The team's partner signals waiting for triage, oldest first, with the concern and the case").RequireRoles(WijRoles.Professional);
        api.MapPost("/{id:guid}/triage", async Task<Results<Ok<PartnerSignal>, ValidationProblem, ProblemHttpResult>> (Guid id, TriageSignal request, Caller caller, TeamScope scope, SignalTriage triage, CancellationToken ct) =>
                (await triage.TriageAsync(id, request, caller.Display, scope, ct)).Answer(TypedResults.Ok))
            .WithSummary("A professional of the team decides: a volunteer home visit (visit: true, optionally naming the resident) or none").RequireRoles(WijRoles.Professional);
        return api;
    }

    public static async Task<Results<Accepted<SignalStatus>, ValidationProblem, ProblemHttpResult>> SubmitSignal(
        SubmitSignal request, PartnerScope scope, UnitOfWorkFactory unitOfWork, CaseStore cases, ResidentStore residents, RegisseurStore regisseurs, SignalStore signals,
        TeamSettingsStore teams, ReferralSender sender, SignalProgress progress, NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        if (!Postcode.TryParse(request.Postcode, out var parsed))
        {
            return Problems.Invalid("postcode", "intake.enter-dutch-postcode-such");
        }
        var postcode = parsed.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        // A partner system signals in its own name, whatever the body says.
        var partner = scope.Everyone ? request.Partner.Trim() : scope.Organisation ?? "";
        var actor = $"partner:{partner}";
        var houseNumber = request.HouseNumber.Trim();

        await using var work = await unitOfWork.BeginAsync(ct);
        // The service itself finds the household the signal is about; the partner is told nothing of it.
        var household = (await residents.HouseholdsAtAsync(postcode.Value, houseNumber, TeamScope.All, new PageRequest { PageSize = 1 }, ct)).Items is [var first, ..] ? first : null;
        if (household is null)
        {
            household = new Household(NewId.NextGuid(), postcode.Value, houseNumber, null, null, neighbourhoods.Find(postcode), now);
            await residents.InsertHouseholdAsync(work, household, ct);
        }
        var @case = await cases.OpenCaseOfHouseholdAsync(work, household.Id, ct);
        if (@case is null)
        {
            @case = new HelpRequest(NewId.NextGuid(), "partner-signal", ["eenzaamheid"], "normal", postcode.Value, request.Concern, "home-visit", CaseStatus.Registered, now)
            {
                HouseholdId = household.Id,
                Neighbourhood = household.Neighbourhood,
            };
            (@case, _) = await regisseurs.JoinAsync(work, @case, ct);
            cases.Insert(work, @case);
            cases.Append(work, @case.Id, "registered", new Text("intake.timeline.registered-partner-signal"), actor, now);
        }
        cases.Append(work, @case.Id, CaseSignals.PartnerSignal, request.Concern, actor, now);
        var signalId = NewId.NextGuid();
        signals.Insert(work, signalId, partner, @case.Id, request.Concern, now);
        var status = SignalStatuses.Received;
        // A team that trusts its partners' eye skips the triage; the visit still carries no name or
        // street, since the partner's signal is not the resident's consent.
        if (await teams.AutomaticVisitRequestsAsync(work, @case.Neighbourhood, ct))
        {
            var visit = NewId.NextGuid();
            await sender.VisitAsync(work, @case with { ResidentId = null }, visit, actor, ct);
            await signals.RecordTriageAsync(work, signalId, visit, "automatic (team setting)", now, ct);
            await progress.AdvanceAsync(work, signalId, null, null, SignalStatuses.VisitRequested, ct);
            status = SignalStatuses.VisitRequested;
        }
        await work.CommitAsync(ct);
        return TypedResults.Accepted($"/api/intake/signals/{signalId}", new SignalStatus(signalId, partner, status, now, status == SignalStatuses.Received ? null : now));
    }
}

public sealed record SubmitSignal(
    [property: Required, StringLength(200, MinimumLength = 1)] string Partner,
    [property: Required, StringLength(10)] string Postcode,
    [property: Required, StringLength(10, MinimumLength = 1), RegularExpression("^[0-9]{1,5}( ?[A-Za-z0-9-]{1,4})?$")] string HouseNumber,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Concern);
