namespace WijPlatform.Cafe.Apis;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/orders").WithTags("Meal orders").RequireRoles(WijRoles.Cafe).Audited("order");
        api.MapPost("/", PlaceOrder).WithSummary("Order the warm meal of a day: eat in, pick up or home delivery; by the resident or by staff for them");
        api.MapGet("/", async Task<Ok<Page<MealOrder>>> ([AsParameters] OrderFilter filter, [AsParameters] PageRequest page, OrderStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(filter.Date, filter.ResidentId, filter.Status, page, ct))).WithSummary("Orders by day, resident or status (placed, waitlisted, cancelled)");
        api.MapGet("/{id:guid}", async Task<Results<Ok<MealOrder>, ProblemHttpResult>> (Guid id, OrderStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } order ? TypedResults.Ok(order) : Problems.NotFound("order", id))
            .WithSummary("One order");
        api.MapPost("/{id:guid}/cancel", CancelOrder).WithSummary("Cancel an order; after the cut-off it is still charged, and a freed portion goes to the waiting list");
        api.MapPost("/{id:guid}/payment", MarkPaid).WithSummary("Record that an order was paid at the counter");
        return api;
    }

    public static async Task<Results<Created<MealOrder>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrder request, UnitOfWorkFactory unitOfWork, OrderDesk desk, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await MenuStore.LockMenuAsync(work, request.Date, ct) is not { } menu)
        {
            return Problems.NotFound("menu", request.Date, new Text("cafe.no-warm-meal-published", request.Date));
        }
        var profile = request.ResidentId is { } residentId ? await ResidentStore.FindProfileAsync(work, residentId, ct) : null;
        var outcome = await desk.TakeAsync(work, menu, profile, new OrderRequest(
            request.ResidentId, request.ResidentName, request.DishId, request.Fulfilment, request.Portions, request.PlacedBy ?? "resident", request.Channel ?? "app",
            request.SpecialRequest, request.Street, request.HouseNumber, request.Postcode, request.ConfirmDietConflicts, request.JoinWaitingList), ct);
        switch (outcome)
        {
            case OrderOutcome.Taken taken:
                await work.CommitAsync(ct);
                return TypedResults.Created($"/api/cafe/orders/{taken.Order.Id}", taken.Order);
            case OrderOutcome.Invalid invalid:
                return Problems.Invalid(invalid.Field, invalid.Message);
            default:
                return Refusal(outcome);
        }
    }

    /// <summary>Why an order was not taken, as problem details a desk volunteer can read out.</summary>
    internal static ProblemHttpResult Refusal(OrderOutcome outcome) => outcome switch
    {
        OrderOutcome.Closed closed => Problems.Conflict("cafe.ordering-closed", new Text("cafe.ordering-closed.detail", closed.ClosedAt)),
        OrderOutcome.SoldOut => Problems.Conflict("cafe.sold-out", "cafe.sold-out.detail"),
        OrderOutcome.DietConflicts diet => Problems.Problem(
            StatusCodes.Status409Conflict,
            "cafe.diet-conflict",
            Text.Sentences([.. diet.Conflicts.Select(c => new Text("cafe.diet-conflict." + c.Kind, CafeWordTexts.ConflictValue(c.Kind, c.Value))), "cafe.diet-conflict.confirm"]),
            new Dictionary<string, object?> { ["conflicts"] = diet.Conflicts }),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
    };

    public static async Task<Results<Ok<MealOrder>, ProblemHttpResult>> CancelOrder(
        Guid id, UnitOfWorkFactory unitOfWork, OrderStore store, OrderDesk desk, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } found)
        {
            return Problems.NotFound("order", id);
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await desk.CancelAsync(work, id, found.MenuDate, ct) is not { } cancelled)
        {
            return Problems.Conflict("cafe.already-cancelled", new Text("cafe.order-cancelled-before", id));
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(cancelled);
    }

    public static async Task<Results<Ok<MealOrder>, ProblemHttpResult>> MarkPaid(Guid id, UnitOfWorkFactory unitOfWork, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is null)
        {
            return Problems.NotFound("order", id);
        }
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (!await OrderStore.MarkPaidAsync(work, id, clock.GetUtcNow().UtcDateTime, ct))
            {
                return Problems.Conflict("cafe.nothing-pay", new Text("cafe.order-already-paid-cancelled", id));
            }
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }
}

public sealed record OrderFilter(DateOnly? Date, Guid? ResidentId, [property: AllowedValues(null, OrderStatus.Placed, OrderStatus.Waitlisted, OrderStatus.Cancelled)] string? Status);

public sealed record PlaceOrder(
    DateOnly Date,
    Guid? ResidentId,
    [property: StringLength(100, MinimumLength = 1)] string? ResidentName,
    Guid? DishId,
    [property: Required, AllowedValues("eat-in", "pick-up", "delivery")] string Fulfilment,
    [property: AllowedValues(null, "resident", "staff")] string? PlacedBy,
    [property: AllowedValues(null, "app", "counter", "phone")] string? Channel,
    [property: StringLength(500)] string? SpecialRequest,
    [property: StringLength(200)] string? Street,
    [property: StringLength(20)] string? HouseNumber,
    [property: StringLength(7), DutchPostcode] string? Postcode,
    bool ConfirmDietConflicts = false,
    bool JoinWaitingList = false,
    [property: Range(1, 10)] int Portions = 1);
