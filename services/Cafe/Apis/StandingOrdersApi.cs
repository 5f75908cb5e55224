using MassTransit;

namespace WijPlatform.Cafe.Apis;

public static class StandingOrdersApi
{
    public static RouteGroupBuilder MapStandingOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/standing-orders").WithTags("Standing orders").RequireRoles(WijRoles.Cafe).Audited("standing-order");
        api.MapPost("/", CreateStandingOrder).WithSummary("A recurring order, e.g. every Monday and Thursday; meals are placed as each day's menu is published");
        api.MapGet("/", async Task<Ok<Page<StandingOrder>>> (Guid? residentId, [AsParameters] PageRequest page, ResidentStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListStandingOrdersAsync(residentId, page, ct))).WithSummary("Standing orders, optionally of one resident");
        api.MapGet("/{id:guid}", async Task<Results<Ok<StandingOrder>, ProblemHttpResult>> (Guid id, ResidentStore store, CancellationToken ct) =>
            await store.FindStandingOrderAsync(id, ct) is { } order ? TypedResults.Ok(order) : Problems.NotFound("standing order", id))
            .WithSummary("One standing order");
        api.MapPost("/{id:guid}/pause", Pause).WithSummary("Pause from a date; it restarts by itself on the until date (e.g. back from hospital)");
        api.MapPost("/{id:guid}/resume", Resume).WithSummary("End a pause now");
        api.MapPost("/{id:guid}/stop", Stop).WithSummary("Stop the standing order; meals not yet past the cut-off are cancelled");
        return api;
    }

    public static async Task<Results<Created<StandingOrder>, ValidationProblem, ProblemHttpResult>> CreateStandingOrder(
        CreateStandingOrder request, UnitOfWorkFactory unitOfWork, ResidentStore residents, OrderDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (Vocabulary.Check("weekdays", request.Weekdays, StandingOrder.DayNames) is { } invalid)
        {
            return invalid;
        }
        if (request.Weekdays.Length == 0)
        {
            return Problems.Invalid("weekdays", "cafe.name-least-one-weekday");
        }
        if (request.EndsOn < request.StartsOn)
        {
            return Problems.Invalid("endsOn", "cafe.end-date-lies-before");
        }
        if (await residents.FindProfileAsync(request.ResidentId, ct) is not { } profile)
        {
            return Problems.NotFound("profile", request.ResidentId, new Text("cafe.resident-needs-café-profile", request.ResidentId));
        }
        if (request.Fulfilment == "delivery" && (profile.Street is null || profile.HouseNumber is null || profile.Postcode is null))
        {
            return Problems.Invalid("fulfilment", "cafe.home-delivery-needs-delivery");
        }
        var standing = new StandingOrder(NewId.NextGuid(), request.ResidentId,
            request.Weekdays.Distinct().Select(d => Array.IndexOf(StandingOrder.DayNames, d)).Order().ToArray(),
            request.Fulfilment, request.Portions, request.SpecialRequest?.Trim(),
            request.StartsOn ?? CutoffPolicy.Today(clock.GetUtcNow()), request.EndsOn, null, null, "active", clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await ResidentStore.InsertStandingOrderAsync(work, standing, ct);
        await desk.CatchUpAsync(work, standing, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/cafe/standing-orders/{standing.Id}", standing);
    }

    public static async Task<Results<Ok<StandingOrderChange>, ValidationProblem, ProblemHttpResult>> Pause(
        Guid id, PauseStandingOrder request, UnitOfWorkFactory unitOfWork, OrderDesk desk, CancellationToken ct)
    {
        if (request.Until is { } until && until <= request.From)
        {
            return Problems.Invalid("until", "cafe.restart-date-must-come");
        }
        return await ChangeAsync(id, unitOfWork, desk, "active", request.From, request.From, request.Until, ct);
    }

    public static Task<Results<Ok<StandingOrderChange>, ValidationProblem, ProblemHttpResult>> Resume(Guid id, UnitOfWorkFactory unitOfWork, OrderDesk desk, CancellationToken ct) =>
        ChangeAsync(id, unitOfWork, desk, "active", null, null, null, ct);

    public static Task<Results<Ok<StandingOrderChange>, ValidationProblem, ProblemHttpResult>> Stop(Guid id, UnitOfWorkFactory unitOfWork, OrderDesk desk, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, unitOfWork, desk, "stopped", CutoffPolicy.Today(clock.GetUtcNow()), null, null, ct);

    /// <summary>
    /// Applies a new status or pause and brings the placed meals in line: meals the standing order no
    /// longer asks for are cancelled while that is still free, and meals it asks for again are placed.
    /// </summary>
    private static async Task<Results<Ok<StandingOrderChange>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, UnitOfWorkFactory unitOfWork, OrderDesk desk, string status, DateOnly? cancelFrom, DateOnly? pausedFrom, DateOnly? pausedUntil, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await ResidentStore.LockStandingOrderAsync(work, id, ct) is not { } standing)
        {
            return Problems.NotFound("standing order", id);
        }
        if (standing.Status == "stopped")
        {
            return Problems.Conflict("cafe.standing-order-stopped", new Text("cafe.standing-order-stopped-cannot", id));
        }
        var changed = standing with { Status = status, PausedFrom = pausedFrom, PausedUntil = pausedUntil };
        await ResidentStore.UpdateStandingOrderAsync(work, id, status, pausedFrom, pausedUntil, ct);
        var cancelled = new List<MealOrder>();
        var kept = new List<MealOrder>();
        foreach (var order in await OrderStore.OfStandingOrderAsync(work, id, cancelFrom ?? DateOnly.MaxValue, ct))
        {
            if (changed.OrdersOn(order.MenuDate))
            {
                continue;
            }
            if (desk.Cutoff.IsOpen(order.MenuDate, desk.Now) || order.Status == OrderStatus.Waitlisted)
            {
                cancelled.Add((await desk.CancelAsync(work, order.Id, order.MenuDate, ct))!);
            }
            else
            {
                kept.Add(order);
            }
        }
        await desk.CatchUpAsync(work, changed, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(new StandingOrderChange(changed, cancelled.Select(o => o.MenuDate).ToList(), kept.Select(o => o.MenuDate).ToList()));
    }
}

/// <summary>The standing order after a change, the days whose meal was cancelled and the days past the cut-off that still stand.</summary>
public sealed record StandingOrderChange(StandingOrder StandingOrder, IReadOnlyList<DateOnly> CancelledDays, IReadOnlyList<DateOnly> KeptPastCutoff);

public sealed record CreateStandingOrder(
    Guid ResidentId,
    [property: Required, MaxLength(7), ItemLength(20)] string[] Weekdays,
    [property: Required, AllowedValues("eat-in", "pick-up", "delivery")] string Fulfilment,
    [property: StringLength(500)] string? SpecialRequest,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    [property: Range(1, 10)] int Portions = 1);

public sealed record PauseStandingOrder(DateOnly From, DateOnly? Until);
