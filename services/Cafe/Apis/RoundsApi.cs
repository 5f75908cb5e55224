using MassTransit;

namespace WijPlatform.Cafe.Apis;

public static class RoundsApi
{
    public static RouteGroupBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/rounds").WithTags("Delivery rounds").RequireRoles(WijRoles.Cafe, WijRoles.Volunteer).Audited("delivery-round");
        api.MapPost("/", PlanRounds).WithSummary("Group a day's home deliveries not yet in a round into rounds by street, and ask matching for a deliverer per round").RequireRoles(WijRoles.Cafe);
        api.MapGet("/", async Task<Ok<Page<DeliveryRound>>> (DateOnly? date, [AsParameters] PageRequest page, RoundStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(date, page, ct))).WithSummary("Delivery rounds, optionally of one day").RequireRoles(WijRoles.Cafe);
        api.MapGet("/{id:guid}", GetRound).WithSummary("A round with its stops in walking order, and what to do at a no-answer; its deliverer sees only what a deliverer needs");
        api.MapGet("/{id:guid}/print", PrintRound).WithSummary("The round list in large print (HTML) for the deliverer: first names, addresses, meals");
        api.MapPost("/{id:guid}/stops/{stopId:guid}/events", RecordStopEvent)
            .WithSummary("Tick a stop: delivered, or no-answer followed by the calls (resident, then emergency contact); if no one is reached intake gets a signal");
        return api;
    }

    public static async Task<Results<Created<IReadOnlyList<DeliveryRound>>, ProblemHttpResult>> PlanRounds(
        PlanRounds request, UnitOfWorkFactory unitOfWork, IOptions<CafeOptions> options, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        // The day's lock keeps a parallel planning run from putting the same delivery in two rounds.
        if (await MenuStore.LockMenuAsync(work, request.Date, ct) is not { } locked)
        {
            return Problems.NotFound("menu", request.Date, new Text("cafe.no-warm-meal-published", request.Date));
        }
        var planned = RoundPlanner.Plan(await RoundStore.UnplannedAsync(work, locked.Menu.Id, ct), options.Value.MaxStopsPerRound);
        if (planned.Count == 0)
        {
            return Problems.Conflict("cafe.nothing-plan", new Text("cafe.every-home-delivery-already", request.Date));
        }
        var first = await RoundStore.LastRoundNumberAsync(work, locked.Menu.Id, ct);
        var startsAt = DeliveryTimes.RoundStartsAt(request.Date);
        var rounds = new List<DeliveryRound>();
        foreach (var plan in planned)
        {
            var round = new DeliveryRound(NewId.NextGuid(), locked.Menu.Id, request.Date, first + plan.Number, plan.Postcode, startsAt.UtcDateTime, null, null, RoundStatus.AwaitingDeliverer, plan.Stops.Count);
            await RoundStore.InsertAsync(work, round, plan.Stops, ct);
            await work.PublishAsync(new DelivererRequested(round.Id, round.Date, round.Postcode, startsAt, round.Stops), ct);
            rounds.Add(round);
        }
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/cafe/rounds?date={request.Date:yyyy-MM-dd}", (IReadOnlyList<DeliveryRound>)rounds);
    }

    public static async Task<Results<Ok<RoundWithStops>, ProblemHttpResult>> GetRound(Guid id, VolunteerScope scope, RoundStore store, CancellationToken ct) =>
        (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("delivery round", id));

    /// <summary>The paper goes along with whoever delivers, so it carries the deliverer's view whoever prints it.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PrintRound(Guid id, VolunteerScope scope, RoundStore store, CancellationToken ct) =>
        (await store.FindAsync(id, scope, ct)).Answer(
            found => TypedResults.Content(RoundPrint.Html(found.Round, found.Stops.Select(s => s.ForDeliverer())), "text/html; charset=utf-8"), () => Problems.NotFound("delivery round", id));


    public static async Task<Results<Ok<RoundStop>, ProblemHttpResult>> RecordStopEvent(
        Guid id, Guid stopId, StopEvent request, VolunteerScope scope, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await RoundStore.LockStopAsync(work, id, stopId, scope, ct);
        if (locked.Problem(() => Problems.NotFound("stop", stopId, new Text("cafe.round-has-no-stop", id, stopId))) is { } problem)
        {
            return problem;
        }
        var stop = locked.Value!;
        if (NoAnswerProtocol.Next(stop.Status, request.Event) is not { } next)
        {
            return Problems.Conflict("cafe.step-does-not-follow", new Text("cafe.stop", stop.Status, new Text("cafe.no-answer." + stop.Status)));
        }
        var now = clock.GetUtcNow();
        await RoundStore.UpdateStopAsync(work, stopId, next, now.UtcDateTime, ct);
        if (next == NoAnswerProtocol.Signalled)
        {
            var round = (await RoundStore.RoundDateAsync(work, id, ct));
            await work.PublishAsync(new DeliveryNoAnswerSignalled(NewId.NextGuid(), stopId, stop.ResidentId, round, now), ct);
        }
        var changed = await RoundStore.StopAsync(work, id, stopId, scope, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(changed);
    }
}

public sealed record PlanRounds(DateOnly Date);

public sealed record StopEvent([property: Required, AllowedValues("delivered", "no-answer", "resident-reached", "resident-not-reached", "contact-reached", "contact-not-reached")] string Event);
