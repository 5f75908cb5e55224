using MassTransit;

namespace WijPlatform.Cafe.Application;

/// <summary>What is asked for when a meal is ordered, by the resident, by staff, or by a standing order.</summary>
public sealed record OrderRequest(
    Guid? ResidentId,
    string? ResidentName,
    Guid? DishId,
    string Fulfilment,
    int Portions,
    string PlacedBy,
    string Channel,
    string? SpecialRequest,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    bool ConfirmDietConflicts,
    bool JoinWaitingList,
    Guid? StandingOrderId = null);

public abstract record OrderOutcome
{
    public sealed record Taken(MealOrder Order) : OrderOutcome;

    public sealed record Invalid(string Field, Text Message) : OrderOutcome;

    public sealed record Closed(DateTimeOffset ClosedAt) : OrderOutcome;

    public sealed record SoldOut : OrderOutcome;

    public sealed record DietConflicts(IReadOnlyList<DietConflict> Conflicts) : OrderOutcome;
}

/// <summary>
/// Takes orders for a day whose menu row the caller has locked, so the capacity check and the insert
/// cannot interleave with another order for the same day.
/// </summary>
public sealed class OrderDesk(IOptions<CafeOptions> options, TimeProvider clock)
{
    public CutoffPolicy Cutoff => options.Value.Cutoff;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<OrderOutcome> TakeAsync(UnitOfWork work, LockedMenu locked, ResidentProfile? profile, OrderRequest request, CancellationToken cancellationToken)
    {
        var menu = locked.Menu;
        var dish = request.DishId is { } dishId ? locked.Dishes.FirstOrDefault(d => d.Id == dishId) : locked.Dishes.Count > 0 ? locked.Dishes[0] : null;
        if (dish is null)
        {
            return new OrderOutcome.Invalid("dishId", new Text("cafe.dish-not-on-menu", menu.MenuDate));
        }
        var name = (request.ResidentName ?? profile?.DisplayName)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return new OrderOutcome.Invalid("residentName", "cafe.name-or-resident-needed");
        }
        var street = request.Street ?? profile?.Street;
        var houseNumber = request.HouseNumber ?? profile?.HouseNumber;
        var postcode = request.Postcode ?? profile?.Postcode;
        if (request.Fulfilment == "delivery" && (string.IsNullOrWhiteSpace(street) || string.IsNullOrWhiteSpace(houseNumber) || string.IsNullOrWhiteSpace(postcode)))
        {
            return new OrderOutcome.Invalid("street", "cafe.delivery-address-needed");
        }
        var now = clock.GetUtcNow();
        if (!Cutoff.IsOpen(menu.MenuDate, now))
        {
            return new OrderOutcome.Closed(Cutoff.ClosesAt(menu.MenuDate));
        }
        var conflicts = profile is null ? [] : DietCheck.Conflicts(profile.Diet, dish.Allergens, dish.DietTags);
        if (conflicts.Count > 0 && !request.ConfirmDietConflicts)
        {
            return new OrderOutcome.DietConflicts(conflicts);
        }
        var taken = await OrderStore.PortionsTakenAsync(work, menu.Id, cancellationToken);
        var fits = taken + request.Portions <= menu.Portions;
        if (!fits && !request.JoinWaitingList)
        {
            return new OrderOutcome.SoldOut();
        }
        var order = new MealOrder(
            NewId.NextGuid(),
            menu.Id,
            menu.MenuDate,
            dish.Id,
            request.ResidentId,
            name,
            request.Fulfilment,
            request.Portions,
            fits ? OrderStatus.Placed : OrderStatus.Waitlisted,
            request.PlacedBy,
            request.Channel,
            string.IsNullOrWhiteSpace(request.SpecialRequest) ? null : request.SpecialRequest.Trim(),
            request.Fulfilment == "delivery" ? street?.Trim() : null,
            request.Fulfilment == "delivery" ? houseNumber?.Trim() : null,
            request.Fulfilment == "delivery" ? (postcode is null ? null : Postcodes.Normalise(postcode)) : null,
            options.Value.Pricing.PriceCents(dish.PriceCents, request.Portions, profile?.LowIncome ?? false),
            profile?.PaymentMethod ?? "counter",
            null,
            false,
            conflicts.Select(c => $"{c.Kind}:{c.Value}").ToArray(),
            request.StandingOrderId,
            null,
            now.UtcDateTime);
        await OrderStore.InsertAsync(work, order, cancellationToken);
        return new OrderOutcome.Taken(order);
    }

    /// <summary>
    /// Places the orders that standing orders ask for on a day whose menu is locked. The first dish
    /// that suits the resident's diet is chosen; a sold-out day puts them on the waiting list.
    /// </summary>
    public async Task<int> TakeStandingOrdersAsync(UnitOfWork work, LockedMenu locked, IEnumerable<StandingOrder> standingOrders, CancellationToken cancellationToken)
    {
        var placed = 0;
        foreach (var standing in standingOrders.Where(s => s.OrdersOn(locked.Menu.MenuDate)))
        {
            var profile = await ResidentStore.FindProfileAsync(work, standing.ResidentId, cancellationToken);
            var dish = locked.Dishes.FirstOrDefault(d => profile is null || DietCheck.Conflicts(profile.Diet, d.Allergens, d.DietTags).Count == 0);
            if (dish is null)
            {
                continue;
            }
            var outcome = await TakeAsync(work, locked, profile, new OrderRequest(
                standing.ResidentId, null, dish.Id, standing.Fulfilment, standing.Portions, "resident", "standing-order", standing.SpecialRequest,
                null, null, null, ConfirmDietConflicts: false, JoinWaitingList: true, standing.Id), cancellationToken);
            placed += outcome is OrderOutcome.Taken ? 1 : 0;
        }
        return placed;
    }

    /// <summary>Places a new or resumed standing order's meals on the days whose menu is already out.</summary>
    public async Task CatchUpAsync(UnitOfWork work, StandingOrder standing, CancellationToken cancellationToken)
    {
        foreach (var date in await MenuStore.PublishedDatesAsync(work, CutoffPolicy.Today(clock.GetUtcNow()), cancellationToken))
        {
            if (standing.OrdersOn(date) && Cutoff.IsOpen(date, clock.GetUtcNow()) && await MenuStore.LockMenuAsync(work, date, cancellationToken) is { } locked)
            {
                await TakeStandingOrdersAsync(work, locked, [standing], cancellationToken);
            }
        }
    }

    /// <summary>
    /// Cancels an order under its day's lock. After the cut-off the meal has been cooked, so a placed
    /// order stays chargeable; the freed portion goes to the waiting list either way, and the desk
    /// gets a notice to tell each resident who moved up.
    /// </summary>
    public async Task<MealOrder?> CancelAsync(UnitOfWork work, Guid orderId, DateOnly menuDate, CancellationToken cancellationToken)
    {
        var locked = await MenuStore.LockMenuAsync(work, menuDate, cancellationToken);
        var order = await OrderStore.FindAsync(work, orderId, cancellationToken);
        if (locked is null || order is null || order.Status == OrderStatus.Cancelled)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var chargeable = order.Status == OrderStatus.Placed && !Cutoff.IsOpen(order.MenuDate, now);
        await OrderStore.CancelAsync(work, orderId, chargeable, now.UtcDateTime, cancellationToken);
        var promoted = await OrderStore.PromoteWaitingAsync(work, locked.Menu, cancellationToken);
        await OrderStore.AddWaitlistNoticesAsync(work, promoted, now.UtcDateTime, cancellationToken);
        return order with { Status = OrderStatus.Cancelled, Chargeable = chargeable, CancelledAt = now.UtcDateTime };
    }
}

public sealed class CafeOptions
{
    public CutoffPolicy Cutoff { get; set; } = new();

    public PricingPolicy Pricing { get; set; } = new();

    /// <summary>How many stops one deliverer takes in a round.</summary>
    public int MaxStopsPerRound { get; set; } = 8;
}
