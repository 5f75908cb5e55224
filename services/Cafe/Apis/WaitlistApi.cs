namespace WijPlatform.Cafe.Apis;

/// <summary>Residents who moved up from the waiting list and must hear that their meal is on.</summary>
public static class WaitlistApi
{
    public static RouteGroupBuilder MapWaitlistApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/waiting-list/notices").WithTags("Waiting list").RequireRoles(WijRoles.Cafe, WijRoles.Desk).Audited("waiting-list-notice");
        api.MapGet("/", async Task<Ok<Page<WaitlistNotice>>> ([AsParameters] NoticeFilter filter, [AsParameters] PageRequest page, OrderStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.WaitlistNoticesAsync(filter.Date, filter.ResidentId, filter.Open, page, ct)))
            .WithSummary("Waiting residents who got a freed portion, with the message to give them; ?open=true is the desk's list to phone, ?residentId= what the resident's app shows");
        api.MapPost("/{id:guid}/told", Told).WithSummary("The resident has been told; the notice leaves the desk's list");
        return api;
    }

    public static async Task<Results<Ok<WaitlistNotice>, ProblemHttpResult>> Told(Guid id, MarkTold request, UnitOfWorkFactory unitOfWork, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            switch (await OrderStore.MarkToldAsync(work, id, string.IsNullOrWhiteSpace(request.ToldBy) ? "cafe-desk" : request.ToldBy.Trim(), clock.GetUtcNow().UtcDateTime, ct))
            {
                case null:
                    return Problems.NotFound("waiting-list notice", id);
                case false:
                    return Problems.Conflict("cafe.already-told", "cafe.resident-told-before");
            }
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindWaitlistNoticeAsync(id, ct))!);
    }
}

public sealed record NoticeFilter(DateOnly? Date, Guid? ResidentId, bool? Open);

public sealed record MarkTold([property: StringLength(100)] string? ToldBy = null);
