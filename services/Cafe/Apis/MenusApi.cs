using MassTransit;

namespace WijPlatform.Cafe.Apis;

public static class MenusApi
{
    public static RouteGroupBuilder MapMenusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/menus").WithTags("Menus").RequireRoles(WijRoles.Cafe, WijRoles.Desk, WijRoles.Professional).WithoutResidentData();
        api.MapPost("/", PublishMenu).WithSummary("Publish a day's warm meal (a new dish and/or dishes from the list); it appears in the calendar and standing orders are placed").RequireRoles(WijRoles.Cafe);
        api.MapPut("/{date}/portions", SetPortions)
            .WithSummary("The kitchen can make more (or fewer) portions; extra portions go to the waiting list first, and the desk gets a notice for each resident who moved up")
            .RequireRoles(WijRoles.Cafe);
        api.MapGet("/{date}", GetMenu).WithSummary("The warm meal of a date (yyyy-MM-dd), portions left and when ordering closes; with residentId only the dishes that suit that resident");
        return api;
    }

    public static async Task<Results<Created<MenuOfTheDay>, ValidationProblem, ProblemHttpResult>> PublishMenu(
        PublishMenu request, UnitOfWorkFactory unitOfWork, OrderDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if ((Vocabulary.Check("allergens", request.Allergens, Allergens.All) ?? Vocabulary.Check("dietTags", request.DietTags, DietTags.All)) is { } invalid)
        {
            return invalid;
        }
        if (request.Date < Amsterdam.Today(clock.GetUtcNow()))
        {
            return Problems.Invalid("date", "cafe.menu-published-today-later");
        }
        var dishIds = (request.DishIds ?? []).Distinct().ToArray();
        if (string.IsNullOrWhiteSpace(request.Dish) && dishIds.Length == 0)
        {
            return Problems.Invalid("dish", "cafe.name-day-s-dish");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(ct);
        var dishes = new List<Dish>();
        if (!string.IsNullOrWhiteSpace(request.Dish))
        {
            var dish = new Dish(NewId.NextGuid(), request.Dish.Trim(), request.Description?.Trim() ?? "", request.PriceCents, Vocabulary.Clean(request.Allergens), Vocabulary.Clean(request.DietTags), now);
            await MenuStore.InsertDishAsync(work, dish, ct);
            dishes.Add(dish);
        }
        var known = await MenuStore.FindDishesAsync(work, dishIds, ct);
        if (known.Count != dishIds.Length)
        {
            return Problems.Invalid("dishIds", new Text("cafe.unknown-dish-es", string.Join(", ", dishIds.Except(known.Select(d => d.Id)))));
        }
        dishes.AddRange(dishIds.Select(id => known.Single(d => d.Id == id)));
        var main = dishes[0];
        var menu = new DailyMenu(NewId.NextGuid(), request.Date, main.Name, main.Description, main.PriceCents, main.Allergens, request.Portions, now);
        if (!await MenuStore.InsertMenuAsync(work, menu, dishes, ct))
        {
            return Problems.Conflict("cafe.day-already-has-menu", new Text("cafe.warm-meal-already-published", request.Date));
        }
        var locked = new LockedMenu(menu, dishes);
        await desk.TakeStandingOrdersAsync(work, locked, await ResidentStore.ActiveStandingOrdersAsync(work, request.Date.DayOfWeek, ct), ct);
        var (from, until) = CafeHours.MealTime(menu.MenuDate);
        var title = string.Join(" / ", dishes.Select(d => d.Name));
        await work.PublishAsync(new DailyMealPublished(menu.Id, menu.MenuDate, title, menu.Description, menu.Portions, from, until, main.PriceCents), ct);
        var taken = await OrderStore.PortionsTakenAsync(work, menu.Id, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/cafe/menus/{menu.MenuDate:yyyy-MM-dd}", MenuOfTheDay.From(menu, dishes, taken, desk.Cutoff, clock.GetUtcNow(), null));
    }

    public static async Task<Results<Ok<MenuOfTheDay>, ValidationProblem, ProblemHttpResult>> SetPortions(
        DateOnly date, SetPortions request, UnitOfWorkFactory unitOfWork, OrderDesk desk, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await MenuStore.LockMenuAsync(work, date, ct) is not { } locked)
        {
            return Problems.NotFound("menu", date, new Text("cafe.no-warm-meal-published", date));
        }
        var taken = await OrderStore.PortionsTakenAsync(work, locked.Menu.Id, ct);
        if (request.Portions < taken)
        {
            return Problems.Invalid("portions", new Text("cafe.portions-ordered-already-kitchen", taken));
        }
        var menu = locked.Menu with { Portions = request.Portions };
        await MenuStore.SetPortionsAsync(work, menu.Id, menu.Portions, ct);
        var promoted = await OrderStore.PromoteWaitingAsync(work, menu, ct);
        await OrderStore.AddWaitlistNoticesAsync(work, promoted, clock.GetUtcNow().UtcDateTime, ct);
        taken = await OrderStore.PortionsTakenAsync(work, menu.Id, ct);
        await work.PublishAsync(new DailyMealPortionsChanged(menu.Id, menu.MenuDate, menu.Portions, clock.GetUtcNow()), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(MenuOfTheDay.From(menu, locked.Dishes, taken, desk.Cutoff, clock.GetUtcNow(), null));
    }

    public static async Task<Results<Ok<MenuOfTheDay>, ProblemHttpResult>> GetMenu(
        DateOnly date, Guid? residentId, MenuStore menus, ResidentStore residents, OrderDesk desk, TimeProvider clock, CancellationToken ct)
    {
        if (await menus.FindMenuAsync(date, ct) is not { } found)
        {
            return Problems.NotFound("menu", date, new Text("cafe.no-warm-meal-published", date));
        }
        DietProfile? diet = null;
        if (residentId is { } id)
        {
            diet = (await residents.FindProfileAsync(id, ct))?.Diet;
            if (diet is null)
            {
                return Problems.NotFound("profile", id, new Text("cafe.resident-has-no-café-2", id));
            }
        }
        return TypedResults.Ok(MenuOfTheDay.From(found.Menu, found.Dishes, found.PortionsTaken, desk.Cutoff, clock.GetUtcNow(), diet));
    }
}

public sealed record SetPortions([property: Range(0, 10_000)] int Portions);

/// <summary>A dish on a day's menu; Conflicts explain why it does not suit the resident asked about.</summary>
public sealed record DishOnMenu(Guid Id, string Name, string Description, int PriceCents, string[] Allergens, string[] DietTags, IReadOnlyList<DietConflict> Conflicts);

public sealed record MenuOfTheDay(
    Guid Id,
    DateOnly Date,
    int Portions,
    int PortionsLeft,
    bool SoldOut,
    DateTimeOffset OrderingClosesAt,
    bool OrderingOpen,
    IReadOnlyList<DishOnMenu> Dishes,
    IReadOnlyList<DishOnMenu> UnsuitableDishes)
{
    public static MenuOfTheDay From(DailyMenu menu, IReadOnlyList<Dish> dishes, int portionsTaken, CutoffPolicy cutoff, DateTimeOffset now, DietProfile? diet)
    {
        var onMenu = dishes.Select(d => new DishOnMenu(d.Id, d.Name, d.Description, d.PriceCents, d.Allergens, d.DietTags,
            diet is null ? [] : DietCheck.Conflicts(diet, d.Allergens, d.DietTags))).ToList();
        var left = Math.Max(0, menu.Portions - portionsTaken);
        return new MenuOfTheDay(menu.Id, menu.MenuDate, menu.Portions, left, left == 0, cutoff.ClosesAt(menu.MenuDate),
            left > 0 && cutoff.IsOpen(menu.MenuDate, now), onMenu.Where(d => d.Conflicts.Count == 0).ToList(), onMenu.Where(d => d.Conflicts.Count > 0).ToList());
    }
}

public sealed record PublishMenu(
    DateOnly Date,
    [property: StringLength(200)] string? Dish,
    [property: StringLength(2000)] string? Description,
    [property: Range(0, 100_00)] int PriceCents,
    [property: MaxLength(20), ItemLength(50)] string[]? Allergens,
    [property: MaxLength(20), ItemLength(50)] string[]? DietTags,
    [property: MaxLength(10)] Guid[]? DishIds,
    [property: Range(0, 1000)] int Portions);
