namespace WijPlatform.Cafe.Infrastructure;

public sealed class MenuStore(NpgsqlDataSource db)
{
    private const string MenuColumns = "id, menu_date AS MenuDate, dish, description, price_cents AS PriceCents, allergens, portions, created_at AS CreatedAt";
    private const string DishColumns = "id, name, description, price_cents AS PriceCents, allergens, diet_tags AS DietTags, created_at AS CreatedAt";

    public static Task InsertDishAsync(ISqlSession session, Dish dish, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "INSERT INTO dishes (id, name, description, price_cents, allergens, diet_tags, created_at) VALUES (@Id, @Name, @Description, @PriceCents, @Allergens, @DietTags, @CreatedAt)",
            dish, cancellationToken: cancellationToken);

    public async Task<Dish?> FindDishAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<Dish>($"SELECT {DishColumns} FROM dishes WHERE id = @id", new { id }, cancellationToken: cancellationToken);
    }

    public Task<Page<Dish>> ListDishesAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Dish>(DishColumns, "dishes", "name, id", null, page, cancellationToken);

    public static async Task<IReadOnlyList<Dish>> FindDishesAsync(UnitOfWork work, Guid[] ids, CancellationToken cancellationToken) =>
        (await work.QueryAsync<Dish>(
            $"SELECT {DishColumns} FROM dishes WHERE id = ANY(@ids)", new { ids }, cancellationToken: cancellationToken)).ToList();

    /// <summary>Inserts the day's menu and its dishes in order; false when that day already has a menu.</summary>
    public static async Task<bool> InsertMenuAsync(UnitOfWork work, DailyMenu menu, IReadOnlyList<Dish> dishes, CancellationToken cancellationToken)
    {
        var inserted = await work.ExecuteAsync(
            """
            INSERT INTO daily_menus (id, menu_date, dish, description, price_cents, allergens, portions, created_at)
            VALUES (@Id, @MenuDate, @Dish, @Description, @PriceCents, @Allergens, @Portions, @CreatedAt)
            ON CONFLICT (menu_date) DO NOTHING
            """,
            new { menu.Id, menu.MenuDate, menu.Dish, menu.Description, menu.PriceCents, menu.Allergens, menu.Portions, menu.CreatedAt }, cancellationToken: cancellationToken) == 1;
        if (inserted)
        {
            await work.ExecuteAsync(
                "INSERT INTO menu_dishes (menu_id, dish_id, position) VALUES (@MenuId, @DishId, @Position)",
                dishes.Select((d, i) => new { MenuId = menu.Id, DishId = d.Id, Position = i }), cancellationToken: cancellationToken);
        }
        return inserted;
    }

    public async Task<(DailyMenu Menu, IReadOnlyList<Dish> Dishes, int PortionsTaken)?> FindMenuAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<MenuRow>(
            $"SELECT {MenuColumns} FROM daily_menus WHERE menu_date = @date", new { date }, cancellationToken: cancellationToken);
        if (row is null)
        {
            return null;
        }
        return (row.ToMenu(), await DishesOfAsync(session, row.Id, cancellationToken), await OrderStore.PortionsTakenAsync(session, row.Id, cancellationToken));
    }

    /// <summary>
    /// Locks the day's menu row for the rest of the unit of work: every change to that day's orders
    /// goes through this lock, so two parallel orders for the last portion are serialised.
    /// </summary>
    public static async Task<LockedMenu?> LockMenuAsync(UnitOfWork work, DateOnly date, CancellationToken cancellationToken)
    {
        var row = await work.QuerySingleOrDefaultAsync<MenuRow>(
            $"SELECT {MenuColumns} FROM daily_menus WHERE menu_date = @date FOR UPDATE", new { date }, cancellationToken: cancellationToken);
        return row is null ? null : new LockedMenu(row.ToMenu(), await DishesOfAsync(work, row.Id, cancellationToken));
    }

    public static async Task<IReadOnlyList<DateOnly>> PublishedDatesAsync(UnitOfWork work, DateOnly from, CancellationToken cancellationToken) =>
        (await work.QueryAsync<DateOnly>(
            "SELECT menu_date FROM daily_menus WHERE menu_date >= @from ORDER BY menu_date", new { from }, cancellationToken: cancellationToken)).ToList();

    public static Task SetPortionsAsync(UnitOfWork work, Guid menuId, int portions, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE daily_menus SET portions = @portions WHERE id = @menuId", new { menuId, portions }, cancellationToken: cancellationToken);

    private static async Task<IReadOnlyList<Dish>> DishesOfAsync(ISqlSession session, Guid menuId, CancellationToken cancellationToken) =>
        (await session.QueryAsync<Dish>(
            $"SELECT {DishColumns} FROM dishes JOIN menu_dishes ON dish_id = id WHERE menu_id = @menuId ORDER BY position",
            new { menuId }, cancellationToken: cancellationToken)).ToList();

    private sealed class MenuRow
    {
        public Guid Id { get; init; }

        public DateOnly MenuDate { get; init; }

        public string Dish { get; init; } = "";

        public string Description { get; init; } = "";

        public int PriceCents { get; init; }

        public string[] Allergens { get; init; } = [];

        public int Portions { get; init; }

        public DateTime CreatedAt { get; init; }

        public DailyMenu ToMenu() => new(Id, MenuDate, Dish, Description, PriceCents, Allergens, Portions, CreatedAt);
    }
}

/// <summary>A day's menu whose row is locked by the current unit of work.</summary>
public sealed record LockedMenu(DailyMenu Menu, IReadOnlyList<Dish> Dishes);
