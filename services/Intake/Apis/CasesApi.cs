using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Apis;

/// <summary>A case's lifecycle and timeline: registered → triaged → assigned → plan in progress → closed, and reopen.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/cases").WithTags("Cases").RequireRoles(WijRoles.Professional).Audited("case");
        api.MapGet("/", ListCases).WithSummary("The cases of the caller's team, newest first; filter by status, neighbourhood, regisseurId or householdId");
        api.MapGet("/{id:guid}", async Task<Results<Ok<HelpRequest>, ProblemHttpResult>> (Guid id, TeamScope scope, CaseStore store, CancellationToken ct) =>
            (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => NotFound(id))).WithSummary("One case");
        api.MapGet("/{id:guid}/timeline", async Task<Results<Ok<Page<CaseEvent>>, ProblemHttpResult>> (Guid id, [AsParameters] PageRequest page, TeamScope scope, CaseStore store, CancellationToken ct) =>
                (await store.TimelineAsync(id, scope, page, ct)).Answer(TypedResults.Ok, () => NotFound(id)))
            .WithSummary("Everything that happened on the case, oldest first, with who did it");

        api.MapPost("/{id:guid}/triage", Triage).WithSummary("Triage: confirm or correct the domains and the urgency");
        api.MapPost("/{id:guid}/assign", Assign).WithSummary("Assign the household's regisseur (a registered professional)");
        api.MapPost("/{id:guid}/start-plan", (Guid id, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            changer.ChangeAsync(id, CaseAction.StartPlan, caller, scope, c => c, _ => null, ct)).WithSummary("The regisseur starts working on the household plan");
        api.MapPost("/{id:guid}/close", (Guid id, CloseCase request, Caller caller, TeamScope scope, CaseChanger changer, TimeProvider clock, CancellationToken ct) =>
            changer.ChangeAsync(id, CaseAction.Close, caller, scope, c => c with { Outcome = request.Outcome, ClosedAt = clock.GetUtcNow().UtcDateTime },
                c => request.Note is { } note ? $"Outcome {c.Outcome}: {note}" : $"Outcome {c.Outcome}.", ct)).WithSummary("Close the case with an outcome");
        api.MapPost("/{id:guid}/reopen", (Guid id, ReopenCase request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            changer.ChangeAsync(id, CaseAction.Reopen, caller, scope, c => c with { Outcome = null, ClosedAt = null }, _ => request.Reason, ct)).WithSummary("Reopen a closed case");

        api.MapPost("/{id:guid}/notes", (Guid id, AddCaseNote request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            changer.RecordAsync(id, "note", request.Text, caller, scope, ct)).WithSummary("Add a note to the timeline");
        api.MapPost("/{id:guid}/contacts", (Guid id, RecordContact request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            changer.RecordAsync(id, "contact", $"{request.Way}: {request.Summary}", caller, scope, ct)).WithSummary("Record contact with the household (it resets the no-contact worklist)");
        return api;
    }

    public static async Task<Results<Ok<Page<HelpRequest>>, ProblemHttpResult>> ListCases(
        [AsParameters] PageRequest page, string? status, string? neighbourhood, Guid? regisseurId, Guid? householdId, TeamScope scope, CaseStore store, CancellationToken ct) =>
        OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<HelpRequest>>, ProblemHttpResult>)TypedResults.Ok(await store.ListAsync(scope, status, neighbourhood, regisseurId, householdId, openOnly: false, page, ct));

    /// <summary>A list filtered on another team's neighbourhood is refused outright rather than answered empty.</summary>
    internal static ProblemHttpResult? OtherTeam(TeamScope scope, string? neighbourhood) =>
        neighbourhood is not null && !scope.Covers(neighbourhood) ? Problems.Forbidden("You see the cases of your own neighbourhood team only.") : null;

    public static async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> Triage(
        Guid id, TriageCase request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct)
    {
        if (Domains.Unknown(request.Domains) is { } unknown)
        {
            return Problems.Invalid("domains", unknown);
        }
        return await changer.ChangeAsync(id, CaseAction.Triage, caller, scope, c => c with
        {
            Domains = request.Domains is { Length: > 0 } domains ? Domains.Normalise(domains) : c.Domains,
            Urgency = request.Urgency ?? c.Urgency,
        }, c => $"Domains {string.Join(", ", c.Domains)}; urgency {c.Urgency}.", ct);
    }

    /// <summary>
    /// Assigns the case's regisseur, who is the household's: the first assignment makes them the
    /// household's regisseur (its other open cases follow); another professional than the
    /// household's is refused with who it is, since changing them is an explicit hand-over.
    /// </summary>
    public static async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignCase request, Caller caller, TeamScope scope, ResidentStore professionals, UnitOfWorkFactory unitOfWork, CaseStore cases,
        RegisseurStore regisseurs, ReferralStore referrals, TimeProvider clock, CancellationToken ct)
    {
        if (await professionals.FindProfessionalAsync(request.RegisseurId, ct) is not { } regisseur)
        {
            return Problems.Invalid("regisseurId", $"There is no professional {request.RegisseurId}; register them first.");
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await cases.LockAsync(work, id, scope, ct);
        if (locked.Problem(() => NotFound(id)) is { } problem)
        {
            return problem;
        }
        var current = locked.Value!;
        var transition = CaseLifecycle.Apply(current.Status, CaseAction.Assign, current.RegisseurId is not null);
        if (!transition.Allowed)
        {
            return Problems.Conflict("This change is not possible now.", transition.Refusal!);
        }
        if (current.HouseholdId is { } householdId)
        {
            var ofHousehold = await regisseurs.OfHouseholdAsync(work, householdId, ct);
            if (ofHousehold is not null && ofHousehold.Id != regisseur.Id)
            {
                return Problems.Conflict("The household already has a regisseur.",
                    $"{ofHousehold.Name} ({ofHousehold.Organisation}) is the regisseur of this household. To change, hand the household over: POST /api/intake/households/{householdId}/regisseur.");
            }
            await regisseurs.SetAsync(work, householdId, regisseur.Id, ct);
        }
        var changed = current with { RegisseurId = regisseur.Id, Status = transition.Status };
        var now = clock.GetUtcNow().UtcDateTime;
        await cases.UpdateAsync(work, changed, ct);
        cases.Append(work, id, "assigned", $"Regisseur {regisseur.Name} ({regisseur.Organisation}).", caller.Display, now);
        await referrals.MarkSignalsActedUponAsync(work, null, id, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(changed);
    }

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("Case not found.", $"There is no case {id}.");
}

/// <summary>Applies a lifecycle step under the case's lock and writes it on the timeline.</summary>
public sealed class CaseChanger(UnitOfWorkFactory unitOfWork, CaseStore cases, ReferralStore referrals, TimeProvider clock)
{
    public async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, CaseAction action, Caller caller, TeamScope scope, Func<HelpRequest, HelpRequest> change, Func<HelpRequest, string?> detail, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await cases.LockAsync(work, id, scope, ct);
        if (locked.Problem(() => CasesApi.NotFound(id)) is { } problem)
        {
            return problem;
        }
        var current = locked.Value!;
        var transition = CaseLifecycle.Apply(current.Status, action, current.RegisseurId is not null);
        if (!transition.Allowed)
        {
            return Problems.Conflict("This change is not possible now.", transition.Refusal!);
        }
        var changed = change(current) with { Status = transition.Status };
        var now = clock.GetUtcNow().UtcDateTime;
        await cases.UpdateAsync(work, changed, ct);
        cases.Append(work, id, EventKind(action), detail(changed), caller.Display, now);
        if (action == CaseAction.Assign)
        {
            await referrals.MarkSignalsActedUponAsync(work, null, id, now, ct);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(changed);
    }

    public async Task<Results<Created<CaseEvent>, ProblemHttpResult>> RecordAsync(Guid id, string kind, string text, Caller caller, TeamScope scope, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if ((await cases.LockAsync(work, id, scope, ct)).Problem(() => CasesApi.NotFound(id)) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        cases.Append(work, id, kind, text, caller.Display, now);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/cases/{id}/timeline", new CaseEvent(0, id, kind, text, caller.Display, now));
    }

    private static string EventKind(CaseAction action) => action switch
    {
        CaseAction.Triage => "triaged",
        CaseAction.Assign => "assigned",
        CaseAction.StartPlan => "plan-started",
        CaseAction.Close => "closed",
        _ => "reopened",
    };
}

public sealed record TriageCase(
    [property: MaxLength(10), ItemLength(50)] string[]? Domains = null,
    [property: AllowedValues(null, "low", "normal", "high", "crisis")] string? Urgency = null);

public sealed record AssignCase(Guid RegisseurId);

public sealed record CloseCase(
    [property: Required, AllowedValues("resolved", "referred-elsewhere", "own-network", "declined", "no-contact", "moved", "deceased")] string Outcome,
    [property: StringLength(2000)] string? Note = null);

public sealed record ReopenCase([property: Required, StringLength(2000, MinimumLength = 1)] string Reason);

public sealed record AddCaseNote([property: Required, StringLength(4000, MinimumLength = 1)] string Text);

public sealed record RecordContact(
    [property: Required, AllowedValues("phone", "email", "letter", "home-visit", "desk", "via-informal-carer")] string Way,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Summary);
