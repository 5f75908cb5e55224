using MassTransit;

namespace WijPlatform.Intake.Apis;

public static class ErasureApi
{
    public static RouteGroupBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake").WithTags("Right to erasure").RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("erasure");
        api.MapPost("/residents/{residentId:guid}/erasure", RequestErasure)
            .WithSummary("The resident asked to be forgotten: anonymise them here and ask every other service to do the same");
        api.MapGet("/erasures/{id:guid}", async Task<Results<Ok<ErasureStatus>, ProblemHttpResult>> (Guid id, TeamScope scope, ErasureStore store, CancellationToken ct) =>
                (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("erasure", id)))
            .WithSummary("Which services have confirmed the erasure");
        return api;
    }

    public static async Task<Results<Accepted<ErasureStatus>, ProblemHttpResult>> RequestErasure(
        Guid residentId, Caller caller, TeamScope scope, UnitOfWorkFactory unitOfWork, ResidentStore residents, ErasureStore erasures,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var erasureId = NewId.NextGuid();
        await using var work = await unitOfWork.BeginAsync(ct);
        var resident = await residents.FindResidentAsync(work, residentId, scope, ct);
        if (resident.Problem(() => Problems.NotFound("resident", residentId)) is { } problem)
        {
            return problem;
        }
        if (resident.Value!.ErasedAt is not null)
        {
            return Problems.Conflict("intake.already-erased", "intake.resident-s-data-erased");
        }
        await residents.AnonymiseAsync(work, residentId, now, ct);
        await erasures.InsertAsync(work, erasureId, residentId, caller.Display, now, ct);
        await erasures.ConfirmAsync(work, erasureId, "intake", now, ct);
        await work.PublishAsync(new ResidentErasureRequested(erasureId, residentId), ct);
        await work.CommitAsync(ct);
        return TypedResults.Accepted($"/api/intake/erasures/{erasureId}",
            new ErasureStatus(erasureId, residentId, now, [new ErasureConfirmation("intake", now)]));
    }
}
