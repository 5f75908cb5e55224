using MassTransit;

namespace WijPlatform.Matching.Apis;

/// <summary>Local businesses that ask for volunteers; the coordinator registers them and then registers their requests (businessId).</summary>
public static class BusinessesApi
{
    public static RouteGroupBuilder MapBusinessesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/businesses").WithTags("Businesses").RequireRoles(WijRoles.Coordinator).Audited("business");
        api.MapPost("/", RegisterBusiness).WithSummary("Register a local business that asks for volunteers: its name and contact person");
        api.MapGet("/", async Task<Ok<Page<Business>>> ([AsParameters] PageRequest page, BusinessStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(page, ct))).WithSummary("Registered businesses, newest first");
        api.MapGet("/{id:guid}", async Task<Results<Ok<Business>, ProblemHttpResult>> (Guid id, BusinessStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("business", id)).WithSummary("One business");
        return api;
    }

    public static async Task<Created<Business>> RegisterBusiness(RegisterBusiness request, UnitOfWorkFactory unitOfWork, BusinessStore store, TimeProvider clock, CancellationToken ct)
    {
        var business = new Business(NewId.NextGuid(), request.Name.Trim(), request.ContactPerson.Trim(), request.Contact?.Trim(),
            request.Postcode is null ? null : Contracts.Vocabulary.Postcode.Normalise(request.Postcode), clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertAsync(work, business, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/matching/businesses/{business.Id}", business);
    }
}

public sealed record RegisterBusiness(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, StringLength(100, MinimumLength = 1)] string ContactPerson,
    [property: StringLength(200)] string? Contact = null,
    [property: StringLength(7), DutchPostcode] string? Postcode = null);
