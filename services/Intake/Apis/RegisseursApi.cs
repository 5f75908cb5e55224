using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// One household, one regisseur: whoever coordinates the household's support, whichever case
/// opened the question. Changing them is an explicit hand-over that every open case's timeline shows.
/// </summary>
public static class RegisseursApi
{
    public static RouteGroupBuilder MapRegisseursApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/households/{householdId:guid}/regisseur").WithTags("Households").Audited("household");
        api.MapGet("/", Get).WithSummary("Who is the household's regisseur (404 when none yet)").RequireRoles(WijRoles.Desk, WijRoles.Professional);
        api.MapPost("/", HandOver).RequireRoles(WijRoles.Professional)
            .WithSummary("Hand the household over to another regisseur: every open case follows, the previous regisseur loses the full plan, the timelines show it");
        return api;
    }

    public static async Task<Results<Ok<HouseholdRegisseur>, ProblemHttpResult>> Get(Guid householdId, TeamScope scope, ResidentStore residents, RegisseurStore regisseurs, CancellationToken ct)
    {
        if ((await residents.FindHouseholdAsync(householdId, scope, ct)).Problem(() => Problems.NotFound("household", householdId)) is { } problem)
        {
            return problem;
        }
        return await regisseurs.OfHouseholdAsync(householdId, ct) is { } regisseur
            ? TypedResults.Ok(HouseholdRegisseur.Of(householdId, regisseur))
            : Problems.NotFound("regisseur", householdId, new Text("intake.household-has-no-regisseur", householdId));
    }

    public static async Task<Results<Ok<HouseholdRegisseur>, ValidationProblem, ProblemHttpResult>> HandOver(
        Guid householdId, HandOverRegisseur request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, PlanStore plans, ResidentStore professionals,
        RegisseurStore regisseurs, CaseStore cases, TimeProvider clock, CancellationToken ct)
    {
        if (await professionals.FindProfessionalAsync(request.RegisseurId, ct) is not { } next)
        {
            return Problems.Invalid("regisseurId", new Text("intake.there-no-professional-register", request.RegisseurId));
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        if ((await plans.LockAsync(work, householdId, scope, ct)).Problem(() => Problems.NotFound("household", householdId)) is { } problem)
        {
            return problem;
        }
        var previous = await regisseurs.OfHouseholdAsync(work, householdId, ct);
        if (previous?.Id == next.Id)
        {
            return Problems.Conflict("intake.already-regisseur", new Text("intake.already-household-s-regisseur", next.Name));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var handedOver = previous is null
            ? new Text("intake.timeline.regisseur", next.Name, next.Organisation)
            : new Text("intake.timeline.handed-over", previous.Name, next.Name, next.Organisation);
        foreach (var caseId in await regisseurs.SetAsync(work, householdId, next.Id, ct))
        {
            cases.Append(work, caseId, "regisseur-handed-over", handedOver, request.Reason, caller.Display, now);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(HouseholdRegisseur.Of(householdId, next));
    }
}

public sealed record HandOverRegisseur(Guid RegisseurId, [property: StringLength(2000)] string? Reason = null);
