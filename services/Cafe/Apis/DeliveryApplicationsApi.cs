using MassTransit;

namespace WijPlatform.Cafe.Apis;

/// <summary>Applications for home-delivered meals from the neighbourhood team; the desk calls the resident, then accepts or declines.</summary>
public static class DeliveryApplicationsApi
{
    public static RouteGroupBuilder MapDeliveryApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/delivery-applications").WithTags("Delivery applications").RequireRoles(WijRoles.Cafe).Audited("delivery-application");
        api.MapGet("/", async Task<Ok<Page<DeliveryApplication>>> ([AsParameters] ApplicationFilter filter, [AsParameters] PageRequest page, ApplicationStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAsync(filter.Status, filter.ResidentId, page, ct)))
            .WithSummary("Applications for meal delivery, oldest first; ?status=pending is the desk's list of residents to call");
        api.MapGet("/{id:guid}", async Task<Results<Ok<DeliveryApplication>, ProblemHttpResult>> (Guid id, ApplicationStore store, CancellationToken ct) =>
                await store.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("meal delivery application", id))
            .WithSummary("One application");
        api.MapPost("/{id:guid}/accept", Accept)
            .WithSummary("After calling the resident: save their diet, emergency contact and payment, start a standing order for home delivery, and tell the neighbourhood team");
        api.MapPost("/{id:guid}/decline", Decline).WithSummary("The café cannot deliver; the neighbourhood team hears why");
        return api;
    }

    public static async Task<Results<Ok<DeliveryApplication>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptApplication request, UnitOfWorkFactory unitOfWork, ApplicationStore store, OrderDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if ((Vocabulary.Check("weekdays", request.Weekdays, StandingOrder.DayNames)
             ?? Vocabulary.Check("allergies", request.Allergies, Allergens.All)
             ?? Vocabulary.Check("diets", request.Diets, DietTags.Diets)) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await ApplicationStore.LockAsync(work, id, ct) is not { } application)
        {
            return Problems.NotFound("meal delivery application", id);
        }
        if (application.Status != DeliveryApplication.Pending)
        {
            return Problems.Conflict("cafe.already-decided", new Text("cafe.application-before", CafeWordTexts.ApplicationStatus(application.Status)));
        }
        var startsOn = DeliveryApplication.FirstDay(request.StartsOn, application.StartsOn, CutoffPolicy.Today(now));
        if (request.EndsOn < startsOn)
        {
            return Problems.Invalid("endsOn", new Text("cafe.trial-would-end-before", startsOn));
        }
        var days = request.Weekdays is { Length: > 0 } agreed ? DeliveryApplication.DayNumbers(agreed)! : application.Weekdays;
        if (days.Length == 0)
        {
            return Problems.Invalid("weekdays", "cafe.name-weekdays-agreed-resident");
        }
        var existing = await ResidentStore.FindProfileAsync(work, application.ResidentId, ct);
        // The address and phone come from the neighbourhood team's latest; what was agreed on the phone overrides the rest.
        var profile = new ResidentProfile(application.ResidentId, application.DisplayName,
            request.Allergies is null ? existing?.Allergies ?? [] : Vocabulary.Clean(request.Allergies),
            request.Diets is null ? existing?.Diets ?? [] : Vocabulary.Clean(request.Diets),
            request.Texture ?? existing?.Texture ?? "normal",
            application.Street, application.HouseNumber, application.Postcode, application.Phone ?? existing?.Phone,
            request.EmergencyContactName?.Trim() ?? existing?.EmergencyContactName, request.EmergencyContactPhone?.Trim() ?? existing?.EmergencyContactPhone,
            request.PaymentMethod ?? existing?.PaymentMethod ?? "monthly", request.LowIncome ?? existing?.LowIncome ?? false, now.UtcDateTime);
        await ResidentStore.SaveProfileAsync(work, profile, ct);

        var standing = new StandingOrder(NewId.NextGuid(), application.ResidentId, days, "delivery", 1,
            string.IsNullOrWhiteSpace(request.SpecialRequest) ? null : request.SpecialRequest.Trim(), startsOn, request.EndsOn, null, null, "active", now.UtcDateTime);
        await ResidentStore.InsertStandingOrderAsync(work, standing, ct);
        await desk.CatchUpAsync(work, standing, ct);
        await ApplicationStore.DecideAsync(work, id, DeliveryApplication.Accepted, standing.Id, null, Who(request.DecidedBy), now.UtcDateTime, ct);
        await work.PublishAsync(new MealDeliveryAccepted(id, standing.Id, standing.Days, startsOn, application.ResidentId), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    public static async Task<Results<Ok<DeliveryApplication>, ProblemHttpResult>> Decline(
        Guid id, DeclineApplication request, UnitOfWorkFactory unitOfWork, ApplicationStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await ApplicationStore.LockAsync(work, id, ct) is not { } application)
        {
            return Problems.NotFound("meal delivery application", id);
        }
        if (application.Status != DeliveryApplication.Pending)
        {
            return Problems.Conflict("cafe.already-decided", new Text("cafe.application-before", CafeWordTexts.ApplicationStatus(application.Status)));
        }
        var reason = request.Reason.Trim();
        await ApplicationStore.DecideAsync(work, id, DeliveryApplication.Declined, null, reason, Who(request.DecidedBy), clock.GetUtcNow().UtcDateTime, ct);
        await work.PublishAsync(new MealDeliveryDeclined(id, reason, application.ResidentId), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    private static string Who(string? decidedBy) => string.IsNullOrWhiteSpace(decidedBy) ? "cafe-desk" : decidedBy.Trim();
}

public sealed record ApplicationFilter([property: AllowedValues(null, "pending", "accepted", "declined")] string? Status, Guid? ResidentId);

/// <summary>
/// What the desk agreed with the resident on the phone; anything left out keeps the application's wish
/// or the resident's profile. EndsOn closes a trial period; without it the meals go on until stopped.
/// </summary>
public sealed record AcceptApplication(
    [property: MaxLength(7), ItemLength(20)] string[]? Weekdays = null,
    DateOnly? StartsOn = null,
    DateOnly? EndsOn = null,
    [property: MaxLength(20), ItemLength(50)] string[]? Allergies = null,
    [property: MaxLength(20), ItemLength(50)] string[]? Diets = null,
    [property: AllowedValues(null, "normal", "pureed")] string? Texture = null,
    [property: StringLength(100)] string? EmergencyContactName = null,
    [property: StringLength(30)] string? EmergencyContactPhone = null,
    [property: AllowedValues(null, "counter", "monthly")] string? PaymentMethod = null,
    bool? LowIncome = null,
    [property: StringLength(500)] string? SpecialRequest = null,
    [property: StringLength(100)] string? DecidedBy = null);

public sealed record DeclineApplication(
    [property: Required, StringLength(500, MinimumLength = 1)] string Reason,
    [property: StringLength(100)] string? DecidedBy = null);
