using MassTransit;

namespace WijPlatform.Intake.Apis;

public static class ConsentsApi
{
    public static RouteGroupBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/residents/{residentId:guid}/consents").WithTags("Consent")
            .RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("consent");
        api.MapPost("/", GiveConsent).WithSummary("Record a resident's consent to share data for one purpose with one recipient");
        api.MapGet("/", async Task<Results<Ok<Page<Consent>>, ProblemHttpResult>> (Guid residentId, [AsParameters] PageRequest page, TeamScope scope, ConsentStore store, CancellationToken ct) =>
                (await store.ListAsync(residentId, scope, page, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("resident", residentId)))
            .WithSummary("A resident's consents, withdrawn ones included");
        api.MapPost("/{consentId:guid}/withdraw", WithdrawConsent).WithSummary("Withdraw a consent; referrals that need it are refused from now on");
        return api;
    }

    public static async Task<Results<Created<Consent>, ValidationProblem, ProblemHttpResult>> GiveConsent(
        Guid residentId, GiveConsent request, Caller caller, TeamScope scope,
        UnitOfWorkFactory unitOfWork, ResidentStore residents, ConsentStore store, TimeProvider clock, CancellationToken ct)
    {
        var fixedRecipient = ConsentPurposes.FixedRecipient(request.Purpose);
        if (fixedRecipient is null && string.IsNullOrWhiteSpace(request.Recipient))
        {
            return Problems.Invalid("recipient", "intake.name-partner-organisation-receives");
        }
        if (fixedRecipient is not null && request.Recipient is { } named && !string.Equals(named, fixedRecipient, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("recipient", new Text("intake.recipient-always", request.Purpose, fixedRecipient));
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        var found = await residents.FindResidentAsync(work, residentId, scope, ct);
        if (found.Problem(() => Problems.NotFound("resident", residentId)) is { } problem)
        {
            return problem;
        }
        if (found.Value!.ErasedAt is not null)
        {
            return Problems.Conflict("intake.resident-erased", "intake.resident-asked-forgotten-no");
        }
        var consent = new Consent(NewId.NextGuid(), residentId, request.Purpose, fixedRecipient ?? request.Recipient!.Trim(), clock.GetUtcNow().UtcDateTime, caller.Display, null);
        await store.InsertAsync(work, consent, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/residents/{residentId}/consents/{consent.Id}", consent);
    }

    public static async Task<Results<Ok<Consent>, ProblemHttpResult>> WithdrawConsent(
        Guid residentId, Guid consentId, TeamScope scope, UnitOfWorkFactory unitOfWork, ConsentStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var withdrawn = await store.WithdrawAsync(work, residentId, consentId, scope, clock.GetUtcNow().UtcDateTime, ct);
        if (withdrawn.Problem(() => Problems.NotFound("consent", consentId, new Text("intake.resident-has-no-consent", residentId, consentId))) is { } problem)
        {
            return problem;
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(withdrawn.Value!);
    }
}

public sealed record GiveConsent(
    [property: Required, AllowedValues(ConsentPurposes.ShareWithVolunteer, ConsentPurposes.ActivitySignup, ConsentPurposes.MealDelivery, ConsentPurposes.ShareWithPartner)] string Purpose,
    [property: StringLength(200)] string? Recipient = null);
