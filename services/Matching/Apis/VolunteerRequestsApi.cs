using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Matching.Apis;

public static class VolunteerRequestsApi
{
    public static RouteGroupBuilder MapVolunteerRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/requests").WithTags("Volunteer requests");
        api.MapPost("/", RegisterRequest).WithSummary("Register a request for a volunteer");
        api.MapGet("/", async Task<Ok<Page<VolunteerRequest>>> ([AsParameters] PageRequest page, string? status, MatchingStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListRequestsAsync(status, page, ct))).WithSummary("Requests for volunteers, newest first; ?status=open for the queue");
        api.MapGet("/{id:guid}", async Task<Results<Ok<VolunteerRequest>, ProblemHttpResult>> (Guid id, MatchingStore store, CancellationToken ct) =>
            await store.FindRequestAsync(id, ct) is { } found
                ? TypedResults.Ok(found)
                : Problems.NotFound("Request not found.", $"There is no volunteer request {id}."))
            .WithSummary("One request");
        return api;
    }

    public static async Task<Created<VolunteerRequest>> RegisterRequest(RegisterVolunteerRequest request, UnitOfWorkFactory unitOfWork, MatchingStore store, TimeProvider clock, CancellationToken ct)
    {
        var created = new VolunteerRequest(NewId.NextGuid(), "coordinator", null, request.Talent.Trim().ToLowerInvariant(), request.Postcode.Trim().ToUpperInvariant(),
            request.WantedAt?.UtcDateTime, request.Urgency ?? "normal", request.InsideHome, "open", clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertRequestAsync(work, created, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/matching/requests/{created.Id}", created);
    }
}

public sealed record RegisterVolunteerRequest(
    [property: Required, StringLength(50, MinimumLength = 1)] string Talent,
    [property: Required, RegularExpression("^[1-9][0-9]{3} ?[A-Za-z]{2}$", ErrorMessage = "Enter a Dutch postcode such as 3705 AB.")] string Postcode,
    DateTimeOffset? WantedAt = null,
    [property: AllowedValues(null, "low", "normal", "high", "crisis")] string? Urgency = null,
    bool InsideHome = false);
