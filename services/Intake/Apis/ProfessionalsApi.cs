using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Apis;

public static class ProfessionalsApi
{
    public static RouteGroupBuilder MapProfessionalsApi(this IEndpointRouteBuilder app)
    {
        // The team's own staff, not residents: their names are what a timeline and a plan show anyway.
        var api = app.MapGroup("/api/intake/professionals").WithTags("Professionals").RequireRoles(WijRoles.Desk, WijRoles.Professional).WithoutResidentData();
        api.MapPost("/", Register).WithSummary("Register a professional of the neighbourhood team who can be a regisseur").RequireRoles();
        api.MapGet("/", ([AsParameters] PageRequest page, ResidentStore store, CancellationToken ct) => store.ListProfessionalsAsync(page, ct))
            .WithSummary("Professionals by name");
        api.MapGet("/{id:guid}", async Task<Results<Ok<Professional>, ProblemHttpResult>> (Guid id, ResidentStore store, CancellationToken ct) =>
                await store.FindProfessionalAsync(id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("Professional not found.", $"There is no professional {id}."))
            .WithSummary("One professional");
        return api;
    }

    public static async Task<Created<Professional>> Register(RegisterProfessional request, UnitOfWorkFactory unitOfWork, ResidentStore store, TimeProvider clock, CancellationToken ct)
    {
        var professional = new Professional(NewId.NextGuid(), request.Name.Trim(), request.Organisation.Trim(), request.Role.Trim(), clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertProfessionalAsync(work, professional, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/professionals/{professional.Id}", professional);
    }
}

public sealed record RegisterProfessional(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, StringLength(200, MinimumLength = 1)] string Organisation,
    [property: Required, StringLength(100, MinimumLength = 1)] string Role);
