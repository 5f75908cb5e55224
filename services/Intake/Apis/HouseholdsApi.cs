using MassTransit;

namespace WijPlatform.Intake.Apis;

/// <summary>Who lives together at an address: the business of the desk and of the household's own team only.</summary>
public static class HouseholdsApi
{
    public static RouteGroupBuilder MapHouseholdsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/households").WithTags("Households").RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("household");
        api.MapGet("/", HouseholdsAt).WithSummary("Households at an address (?postcode=9712 HW&houseNumber=12)");
        api.MapGet("/{id:guid}", async Task<Results<Ok<Household>, ProblemHttpResult>> (Guid id, TeamScope scope, ResidentStore store, CancellationToken ct) =>
            (await store.FindHouseholdAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("household", id))).WithSummary("One household");
        api.MapGet("/{id:guid}/members", async Task<Results<Ok<Page<Resident>>, ProblemHttpResult>> (Guid id, [AsParameters] PageRequest page, TeamScope scope, ResidentStore store, CancellationToken ct) =>
                (await store.MembersAsync(id, scope, page, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("household", id)))
            .WithSummary("The residents of a household");
        api.MapPost("/{id:guid}/members", AddMember).WithSummary("Move a registered resident into this household (same address)");
        return api;
    }

    public static async Task<Results<Ok<Page<Household>>, ValidationProblem>> HouseholdsAt(
        [AsParameters] PageRequest page, string? postcode, string? houseNumber, TeamScope scope, ResidentStore store, CancellationToken ct)
    {
        if (!Postcode.TryParse(postcode, out var parsed))
        {
            return Problems.Invalid("postcode", "intake.enter-dutch-postcode-such");
        }
        if (string.IsNullOrWhiteSpace(houseNumber))
        {
            return Problems.Invalid("houseNumber", "intake.enter-house-number");
        }
        return TypedResults.Ok(await store.HouseholdsAtAsync(parsed.Value.Value, houseNumber.Trim(), scope, page, ct));
    }

    public static async Task<Results<Ok<Resident>, ValidationProblem, ProblemHttpResult>> AddMember(
        Guid id, AddMember request, TeamScope scope, UnitOfWorkFactory unitOfWork, ResidentStore store, CancellationToken ct)
    {
        var found = await store.FindHouseholdAsync(id, scope, ct);
        if (found.Problem(() => Problems.NotFound("household", id)) is { } problem)
        {
            return problem;
        }
        var household = found.Value!;
        await using var work = await unitOfWork.BeginAsync(ct);
        var moving = await store.FindResidentAsync(work, request.ResidentId, scope, ct);
        if (moving.Refusal is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }
        if (moving.Value is not { } resident)
        {
            return Problems.Invalid("residentId", new Text("intake.there-no-resident", request.ResidentId));
        }
        if (resident.Postcode != household.Postcode || !string.Equals(resident.HouseNumber, household.HouseNumber, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Conflict("intake.different-address", new Text("intake.household-shares-one-address", resident.Id, household.Id));
        }
        await store.MoveAsync(work, resident.Id, household.Id, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(resident with { HouseholdId = household.Id });
    }
}

public sealed record AddMember(Guid ResidentId);
