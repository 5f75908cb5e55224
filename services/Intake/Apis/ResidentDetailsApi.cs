using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// What the desk does for the resident in front of it: say how their questions are going (status
/// only, never the plan or the notes), and record a new phone number or a move.
/// </summary>
public static class ResidentDetailsApi
{
    public static RouteGroupBuilder MapResidentDetailsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/residents/{residentId:guid}").WithTags("Residents").RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("resident");
        api.MapGet("/questions", Questions)
            .WithSummary("How the resident's own questions are going: each case's status and regisseur and its referrals' status, newest first; no descriptions, notes or plan");
        api.MapPut("/phone", ChangePhone).WithSummary("Record the resident's new phone number (null removes it)");
        api.MapPost("/move", Move)
            .WithSummary("Record a move: the resident joins householdId at the new address, or starts a household there; their open cases move with them (and to the new address's team)");
        return api;
    }

    public static async Task<Results<Ok<Page<QuestionStatus>>, ProblemHttpResult>> Questions(
        Guid residentId, [AsParameters] PageRequest page, TeamScope scope, ResidentStore residents, CaseStore cases, CancellationToken ct)
    {
        if ((await residents.ResidentOfTeamAsync(residentId, scope, ct)).Problem(() => Problems.NotFound("resident", residentId)) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(await cases.QuestionsOfAsync(residentId, page, ct));
    }

    public static async Task<Results<Ok<Resident>, ValidationProblem, ProblemHttpResult>> ChangePhone(
        Guid residentId, ChangePhone request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, ResidentStore residents, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var found = await residents.FindResidentAsync(work, residentId, scope, ct);
        if (found.Problem(() => Problems.NotFound("resident", residentId)) is { } problem)
        {
            return problem;
        }
        var resident = found.Value!;
        if (resident.ErasedAt is not null)
        {
            return Problems.NotFound("resident", residentId);
        }
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        if (phone is null && resident.PreferredContact is "phone" or "sms")
        {
            return Problems.Invalid("phone", "intake.resident-prefers-phoned-phone");
        }
        await residents.ChangePhoneAsync(work, residentId, phone, ct);
        var changed = resident with { Phone = phone };
        // The notices service phones the number it was last told.
        await work.PublishAsync(ResidentsApi.ContactOf(changed, clock.GetUtcNow().UtcDateTime), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(changed);
    }

    public static async Task<Results<Ok<Resident>, ValidationProblem, ProblemHttpResult>> Move(
        Guid residentId, MoveResident request, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, ResidentStore residents, CaseStore cases,
        NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        if (!Postcode.TryParse(request.Postcode, out var parsed) || parsed is not { } postcode)
        {
            return Problems.Invalid("postcode", "intake.enter-dutch-postcode-such");
        }
        var houseNumber = request.HouseNumber.Trim();
        await using var work = await unitOfWork.BeginAsync(ct);
        var found = await residents.FindResidentAsync(work, residentId, scope, ct);
        if (found.Problem(() => Problems.NotFound("resident", residentId)) is { } problem)
        {
            return problem;
        }
        var resident = found.Value!;
        if (resident.ErasedAt is not null)
        {
            return Problems.NotFound("resident", residentId);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Household household;
        if (request.HouseholdId is { } householdId)
        {
            // Joining a household at the new address; the resident's own team decides about the move, not the new household's.
            if ((await residents.FindHouseholdAsync(householdId, TeamScope.All, ct)).Value is not { } joined)
            {
                return Problems.Invalid("householdId", new Text("intake.there-no-household", householdId));
            }
            if (joined.Postcode != postcode.Value || !string.Equals(joined.HouseNumber, houseNumber, StringComparison.OrdinalIgnoreCase))
            {
                return Problems.Invalid("householdId", "intake.household-lives-another-address");
            }
            household = joined;
        }
        else
        {
            household = new Household(NewId.NextGuid(), postcode.Value, houseNumber, request.Street?.Trim(), request.City?.Trim(), neighbourhoods.Find(postcode), now);
            await residents.InsertHouseholdAsync(work, household, ct);
        }
        if (household.Id == resident.HouseholdId)
        {
            return Problems.Conflict("intake.already-there", "intake.resident-already-lives-household");
        }
        await residents.MoveAsync(work, residentId, household.Id, ct);
        foreach (var caseId in await cases.MoveOpenCasesAsync(work, residentId, household, ct))
        {
            cases.Append(work, caseId, "resident-moved", new Text("intake.timeline.resident-moved", household.Neighbourhood ?? "?"), caller.Display, now);
        }
        var moved = resident with
        {
            HouseholdId = household.Id, Postcode = household.Postcode, HouseNumber = household.HouseNumber, Street = household.Street, City = household.City,
            Neighbourhood = household.Neighbourhood,
        };
        // A letter goes to the new address.
        await work.PublishAsync(ResidentsApi.ContactOf(moved, now), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(moved);
    }
}

public sealed record ChangePhone([property: Phone, StringLength(30)] string? Phone);

/// <summary>The new address; with householdId the resident joins that household (it must live there).</summary>
public sealed record MoveResident(
    [property: Required, StringLength(10)] string Postcode,
    [property: Required, StringLength(10, MinimumLength = 1), RegularExpression("^[0-9]{1,5}( ?[A-Za-z0-9-]{1,4})?$")] string HouseNumber,
    [property: StringLength(200)] string? Street = null,
    [property: StringLength(100)] string? City = null,
    Guid? HouseholdId = null);
