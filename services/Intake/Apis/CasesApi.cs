using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Intake.Apis;

/// <summary>A case's lifecycle and timeline: registered → triaged → assigned → plan in progress → closed, and reopen.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/cases").WithTags("Cases");
        api.MapGet("/", ([AsParameters] PageRequest page, string? status, string? neighbourhood, Guid? regisseurId, Guid? householdId, CaseStore store, CancellationToken ct) =>
                store.ListAsync(status, neighbourhood, regisseurId, householdId, openOnly: false, page, ct))
            .WithSummary("Cases, newest first; filter by status, neighbourhood, regisseurId or householdId");
        api.MapGet("/{id:guid}", async Task<Results<Ok<HelpRequest>, ProblemHttpResult>> (Guid id, CaseStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : NotFound(id)).WithSummary("One case");
        api.MapGet("/{id:guid}/timeline", (Guid id, [AsParameters] PageRequest page, CaseStore store, CancellationToken ct) => store.TimelineAsync(id, page, ct))
            .WithSummary("Everything that happened on the case, oldest first, with who did it");

        api.MapPost("/{id:guid}/triage", Triage).WithSummary("Triage: confirm or correct the domains and the urgency");
        api.MapPost("/{id:guid}/assign", Assign).WithSummary("Assign the household's regisseur (a registered professional)");
        api.MapPost("/{id:guid}/start-plan", ([FromRoute] Guid id, [FromHeader(Name = Actor.Header)] string? actor, CaseChanger changer, CancellationToken ct) =>
            changer.ChangeAsync(id, CaseAction.StartPlan, actor, c => c, _ => null, ct)).WithSummary("The regisseur starts working on the household plan");
        api.MapPost("/{id:guid}/close", (Guid id, CloseCase request, [FromHeader(Name = Actor.Header)] string? actor, CaseChanger changer, TimeProvider clock, CancellationToken ct) =>
            changer.ChangeAsync(id, CaseAction.Close, actor, c => c with { Outcome = request.Outcome, ClosedAt = clock.GetUtcNow().UtcDateTime },
                c => request.Note is { } note ? $"Outcome {c.Outcome}: {note}" : $"Outcome {c.Outcome}.", ct)).WithSummary("Close the case with an outcome");
        api.MapPost("/{id:guid}/reopen", (Guid id, ReopenCase request, [FromHeader(Name = Actor.Header)] string? actor, CaseChanger changer, CancellationToken ct) =>
            changer.ChangeAsync(id, CaseAction.Reopen, actor, c => c with { Outcome = null, ClosedAt = null }, _ => request.Reason, ct)).WithSummary("Reopen a closed case");

        api.MapPost("/{id:guid}/notes", (Guid id, AddCaseNote request, [FromHeader(Name = Actor.Header)] string? actor, CaseChanger changer, CancellationToken ct) =>
            changer.RecordAsync(id, "note", request.Text, actor, ct)).WithSummary("Add a note to the timeline");
        api.MapPost("/{id:guid}/contacts", (Guid id, RecordContact request, [FromHeader(Name = Actor.Header)] string? actor, CaseChanger changer, CancellationToken ct) =>
            changer.RecordAsync(id, "contact", $"{request.Way}: {request.Summary}", actor, ct)).WithSummary("Record contact with the household (it resets the no-contact worklist)");
        return api;
    }

    public static async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> Triage(
        Guid id, TriageCase request, [FromHeader(Name = Actor.Header)] string? actor, CaseChanger changer, CancellationToken ct)
    {
        if (Domains.Unknown(request.Domains) is { } unknown)
        {
            return Problems.Invalid("domains", unknown);
        }
        return await changer.ChangeAsync(id, CaseAction.Triage, actor, c => c with
        {
            Domains = request.Domains is { Length: > 0 } domains ? Domains.Normalise(domains) : c.Domains,
            Urgency = request.Urgency ?? c.Urgency,
        }, c => $"Domains {string.Join(", ", c.Domains)}; urgency {c.Urgency}.", ct);
    }

    public static async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignCase request, [FromHeader(Name = Actor.Header)] string? actor, ResidentStore professionals, CaseChanger changer, CancellationToken ct)
    {
        if (await professionals.FindProfessionalAsync(request.RegisseurId, ct) is not { } regisseur)
        {
            return Problems.Invalid("regisseurId", $"There is no professional {request.RegisseurId}; register them first.");
        }
        return await changer.ChangeAsync(id, CaseAction.Assign, actor, c => c with { RegisseurId = regisseur.Id },
            _ => $"Regisseur {regisseur.Name} ({regisseur.Organisation}).", ct);
    }

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("Case not found.", $"There is no case {id}.");
}

/// <summary>Applies a lifecycle step under the case's lock and writes it on the timeline.</summary>
public sealed class CaseChanger(UnitOfWorkFactory unitOfWork, CaseStore cases, ReferralStore referrals, TimeProvider clock)
{
    public async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, CaseAction action, string? actor, Func<HelpRequest, HelpRequest> change, Func<HelpRequest, string?> detail, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await cases.LockAsync(work, id, ct) is not { } current)
        {
            return CasesApi.NotFound(id);
        }
        var transition = CaseLifecycle.Apply(current.Status, action, current.RegisseurId is not null);
        if (!transition.Allowed)
        {
            return Problems.Conflict("This change is not possible now.", transition.Refusal!);
        }
        var changed = change(current) with { Status = transition.Status };
        var now = clock.GetUtcNow().UtcDateTime;
        await cases.UpdateAsync(work, changed, ct);
        cases.Append(work, id, EventKind(action), detail(changed), Actor.Name(actor), now);
        if (action == CaseAction.Assign)
        {
            await referrals.MarkSignalsActedUponAsync(work, null, id, now, ct);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(changed);
    }

    public async Task<Results<Created<CaseEvent>, ProblemHttpResult>> RecordAsync(Guid id, string kind, string text, string? actor, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await cases.LockAsync(work, id, ct) is null)
        {
            return CasesApi.NotFound(id);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        cases.Append(work, id, kind, text, Actor.Name(actor), now);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/cases/{id}/timeline", new CaseEvent(0, id, kind, text, Actor.Name(actor), now));
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
