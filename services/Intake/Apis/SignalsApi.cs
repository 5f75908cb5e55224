using MassTransit;

namespace WijPlatform.Intake.Apis;

/// <summary>
/// A partner organisation (the home-cleaning company that suspects loneliness) signals worry about
/// an address. The signal joins the household's open case or starts one, and asks matching for a
/// home visit. The partner only ever sees that its signal was received and acted upon.
/// </summary>
public static class SignalsApi
{
    public static RouteGroupBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/signals").WithTags("Partner signals").RequireRoles(WijRoles.Partner, WijRoles.Desk, WijRoles.Professional).Audited("signal");
        api.MapPost("/", SubmitSignal).WithSummary("A partner signals concern about a resident at an address");
        api.MapGet("/{id:guid}", async Task<Results<Ok<SignalStatus>, ProblemHttpResult>> (Guid id, PartnerScope scope, ReferralStore store, CancellationToken ct) =>
                // Another organisation's signal does not exist as far as a partner can tell.
                await store.FindSignalAsync(id, scope, ct) is { } signal ? TypedResults.Ok(signal) : Problems.NotFound("signal", id))
            .WithSummary("Whether the signal was received and acted upon (never the case itself)").RequireRoles(WijRoles.Partner, WijRoles.Professional);
        return api;
    }

    public static async Task<Results<Accepted<SignalStatus>, ValidationProblem, ProblemHttpResult>> SubmitSignal(
        SubmitSignal request, PartnerScope scope, UnitOfWorkFactory unitOfWork, CaseStore cases, ResidentStore residents, RegisseurStore regisseurs, ReferralStore referrals, ReferralSender sender,
        NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        if (!Postcode.TryParse(request.Postcode, out var parsed))
        {
            return Problems.Invalid("postcode", "Enter a Dutch postcode such as 9712 HW.");
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
            cases.Append(work, @case.Id, "registered", "Via a partner signal.", actor, now);
        }
        cases.Append(work, @case.Id, "partner-signal", request.Concern, actor, now);
        // The visit request carries no name or street: the partner's signal is not the resident's consent.
        var visit = NewId.NextGuid();
        if (await sender.VolunteerAsync(work, @case with { ResidentId = null }, visit, "home-visit", VolunteerTime.Whenever, actor, ct) is { } refusal)
        {
            return refusal;
        }
        var signalId = NewId.NextGuid();
        await referrals.InsertSignalAsync(work, signalId, partner, @case.Id, visit, now, ct);
        await work.CommitAsync(ct);
        return TypedResults.Accepted($"/api/intake/signals/{signalId}", new SignalStatus(signalId, partner, "received", now, null));
    }
}

public sealed record SubmitSignal(
    [property: Required, StringLength(200, MinimumLength = 1)] string Partner,
    [property: Required, StringLength(10)] string Postcode,
    [property: Required, StringLength(10, MinimumLength = 1), RegularExpression("^[0-9]{1,5}( ?[A-Za-z0-9-]{1,4})?$")] string HouseNumber,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Concern);
