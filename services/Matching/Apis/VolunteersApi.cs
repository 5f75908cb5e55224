using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Matching.Apis;

public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/volunteers").WithTags("Volunteers");
        api.MapPost("/", RegisterVolunteer).WithSummary("Register a volunteer and the talents they offer");
        api.MapGet("/", async Task<Ok<Page<Volunteer>>> ([AsParameters] PageRequest page, MatchingStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListVolunteersAsync(page, ct))).WithSummary("Volunteers, newest first");
        api.MapGet("/{id:guid}", async Task<Results<Ok<Volunteer>, ProblemHttpResult>> (Guid id, MatchingStore store, CancellationToken ct) =>
            await store.FindVolunteerAsync(id, ct) is { } volunteer
                ? TypedResults.Ok(volunteer)
                : Problems.NotFound("Volunteer not found.", $"There is no volunteer {id}."))
            .WithSummary("One volunteer");
        return api;
    }

    public static async Task<Created<Volunteer>> RegisterVolunteer(RegisterVolunteer request, UnitOfWorkFactory unitOfWork, MatchingStore store, TimeProvider clock, CancellationToken ct)
    {
        var volunteer = new Volunteer(NewId.NextGuid(), request.FirstName.Trim(), request.Talents.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToArray(), request.Postcode.Trim().ToUpperInvariant(), clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertVolunteerAsync(work, volunteer, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/matching/volunteers/{volunteer.Id}", volunteer);
    }
}

public sealed record RegisterVolunteer(
    [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
    [property: Required, MinLength(1)] string[] Talents,
    [property: Required, RegularExpression("^[1-9][0-9]{3} ?[A-Za-z]{2}$", ErrorMessage = "Enter a Dutch postcode such as 3705 AB.")] string Postcode);
