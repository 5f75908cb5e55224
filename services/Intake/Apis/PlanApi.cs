using MassTransit;

namespace WijPlatform.Intake.Apis;

/// <summary>One household, one plan: the network, strengths and concerns first, then professionals, goals and actions.</summary>
public static class PlanApi
{
    public static RouteGroupBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/households/{householdId:guid}/plan").WithTags("Household plan").RequireRoles(WijRoles.Professional).Audited("plan");
        api.MapGet("/", GetPlan).WithSummary("The household's plan");
        api.MapPost("/network", (Guid householdId, AddNetworkMember r, Caller caller, TeamScope scope, PlanEditor editor, CancellationToken ct) =>
                editor.AddAsync(householdId, caller, scope, i => i with { Kind = PlanKinds.Network, Description = r.CanHelpWith, Name = r.Name, Relation = r.Relation }, ct))
            .WithSummary("Someone from the informal network (family, neighbours, friends) and what they can do");
        api.MapPost("/strengths", (Guid householdId, AddNote r, Caller caller, TeamScope scope, PlanEditor editor, CancellationToken ct) =>
                editor.AddAsync(householdId, caller, scope, i => i with { Kind = PlanKinds.Strength, Description = r.Description }, ct))
            .WithSummary("What the household can do itself (eigen kracht)");
        api.MapPost("/concerns", (Guid householdId, AddNote r, Caller caller, TeamScope scope, PlanEditor editor, CancellationToken ct) =>
                editor.AddAsync(householdId, caller, scope, i => i with { Kind = PlanKinds.Concern, Description = r.Description }, ct))
            .WithSummary("A concern");
        api.MapPost("/professionals", (Guid householdId, AddProfessional r, Caller caller, TeamScope scope, PlanEditor editor, CancellationToken ct) =>
                editor.AddAsync(householdId, caller, scope, i => i with { Kind = PlanKinds.Professional, Description = r.Role, Name = r.Name, Organisation = r.Organisation }, ct))
            .WithSummary("A professional or partner organisation involved; only after the household's own strengths or network are recorded");
        api.MapPost("/goals", (Guid householdId, AddNote r, Caller caller, TeamScope scope, PlanEditor editor, CancellationToken ct) =>
                editor.AddAsync(householdId, caller, scope, i => i with { Kind = PlanKinds.Goal, Description = r.Description }, ct))
            .WithSummary("A goal of the plan");
        api.MapPost("/actions", AddAction)
            .WithSummary("An action towards a goal, with its owner and due date; with a referral (volunteer, activity, meal delivery, partner) the action sends it from the household's open case and shows its answers");
        api.MapPost("/actions/{actionId:guid}/complete", CompleteAction).WithSummary("Mark an action done");
        return api;
    }

    public static async Task<Results<Ok<HouseholdPlan>, ProblemHttpResult>> GetPlan(
        Guid householdId, Caller caller, TeamScope scope, ResidentStore residents, PlanStore plans, RegisseurStore regisseurs, CancellationToken ct)
    {
        var items = await plans.ItemsAsync(householdId, scope, ct);
        if (items.Problem(() => Problems.NotFound("household", householdId)) is { } problem)
        {
            return problem;
        }
        var plan = PlanRules.Compose(householdId, await residents.MembersAsync(householdId, ct), [.. items.Value!], await plans.ActionReferralsAsync(householdId, ct));
        var user = caller.User;
        var fullPlan = user.IsAdmin() || (user.ProfessionalId() is { } professional && await regisseurs.IsRegisseurAsync(householdId, professional, ct));
        return TypedResults.Ok(fullPlan ? plan : plan.WithoutPersonalNotes());
    }

    public static Task<Results<Created<PlanItem>, ValidationProblem, ProblemHttpResult>> AddAction(
        Guid householdId, AddAction r, Caller caller, TeamScope scope, PlanEditor editor, TimeProvider clock, CancellationToken ct)
    {
        if (r.Referral?.Validate(clock.GetUtcNow()) is { Count: > 0 } errors)
        {
            return Task.FromResult<Results<Created<PlanItem>, ValidationProblem, ProblemHttpResult>>(
                Problems.Invalid(errors.ToDictionary(e => $"referral.{e.Key}", e => e.Value)));
        }
        return editor.AddAsync(householdId, caller, scope,
            i => i with { Kind = PlanKinds.Action, Description = r.Description, GoalId = r.GoalId, Owner = r.Owner, DueDate = r.DueDate },
            ct, r.Referral is { } referral ? new ActionReferralRequest(r.CaseId, referral) : null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> CompleteAction(
        Guid householdId, Guid actionId, TeamScope scope, UnitOfWorkFactory unitOfWork, PlanStore plans, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if ((await plans.LockAsync(work, householdId, scope, ct)).Problem(() => Problems.NotFound("household", householdId)) is { } problem)
        {
            return problem;
        }
        if (await plans.CompleteAsync(work, householdId, actionId, clock.GetUtcNow().UtcDateTime, ct) == 0)
        {
            return Problems.NotFound("action", actionId, new Text("intake.plan-household-has-no", householdId, actionId));
        }
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Adds a line to a plan under the household's lock, applying the plan's rules.</summary>
public sealed class PlanEditor(UnitOfWorkFactory unitOfWork, PlanStore plans, CaseStore cases, ReferralSender sender, TimeProvider clock)
{
    public async Task<Results<Created<PlanItem>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid householdId, Caller caller, TeamScope scope, Func<PlanItem, PlanItem> fill, CancellationToken ct, ActionReferralRequest? referral = null)
    {
        var item = fill(new PlanItem(NewId.NextGuid(), householdId, "", "", null, null, null, null, null, null, null, caller.Display, clock.GetUtcNow().UtcDateTime));
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await plans.LockAsync(work, householdId, scope, ct);
        if (locked.Problem(() => Problems.NotFound("household", householdId)) is { } problem)
        {
            return problem;
        }
        var existing = locked.Value!;
        if (item.Kind == PlanKinds.Professional && !PlanRules.OwnStrengthRecorded(existing))
        {
            return Problems.Conflict("intake.eigen-kracht-first",
                "intake.record-what-household-own");
        }
        if (item.Kind == PlanKinds.Action && !existing.Any(g => g.Kind == PlanKinds.Goal && g.Id == item.GoalId))
        {
            return Problems.Invalid("goalId", "intake.action-must-belong-goal");
        }
        if (referral is not null)
        {
            var (caseOfAction, refusal) = await CaseOfActionAsync(work, householdId, referral.CaseId, scope, ct);
            if (refusal is not null)
            {
                return refusal;
            }
            item = item with { ReferralId = NewId.NextGuid() };
            if (await sender.SendAsync(work, caseOfAction!, item.ReferralId!.Value, referral.Referral, caller.Display, ct) is { } notSent)
            {
                return notSent;
            }
        }
        await plans.InsertAsync(work, item, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/households/{householdId}/plan", item);
    }

    /// <summary>
    /// The case an action's referral is sent from: the one named, if it is the household's; else the
    /// household's open case (one household, one plan: its cases share the plan).
    /// </summary>
    private async Task<(HelpRequest? Case, Results<Created<PlanItem>, ValidationProblem, ProblemHttpResult>? Refusal)> CaseOfActionAsync(
        UnitOfWork work, Guid householdId, Guid? caseId, TeamScope scope, CancellationToken ct)
    {
        if (caseId is { } id)
        {
            var locked = await cases.LockAsync(work, id, scope, ct);
            if (locked.Value is not { } named || named.HouseholdId != householdId)
            {
                return (null, Problems.Invalid("caseId", new Text("intake.household-has-no-case", id)));
            }
            return named.Status == CaseStatus.Closed ? (null, Problems.Conflict("intake.case-closed", "intake.reopen-case-before-referring")) : (named, null);
        }
        return await cases.OpenCaseOfHouseholdAsync(work, householdId, ct) is { } open
            ? (open, null)
            : (null, Problems.Conflict("intake.no-open-case", "intake.referral-sent-from-case"));
    }
}

/// <summary>The referral an action sends, from the named case or else the household's open case.</summary>
public sealed record ActionReferralRequest(Guid? CaseId, Refer Referral);

public sealed record AddNote([property: Required, StringLength(2000, MinimumLength = 1)] string Description);

public sealed record AddNetworkMember(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, StringLength(100, MinimumLength = 1)] string Relation,
    [property: Required, StringLength(2000, MinimumLength = 1)] string CanHelpWith);

public sealed record AddProfessional(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, StringLength(200, MinimumLength = 1)] string Organisation,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Role);

/// <summary>An action; with <c>referral</c> (the body of a referral) it is sent from <c>caseId</c>, or the household's open case.</summary>
public sealed record AddAction(
    Guid GoalId,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Description,
    [property: Required, StringLength(100, MinimumLength = 1)] string Owner,
    DateOnly DueDate,
    Guid? CaseId = null,
    Refer? Referral = null);
