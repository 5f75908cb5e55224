namespace WijPlatform.Cafe.Infrastructure;

public sealed class OrderStore(NpgsqlDataSource db)
{
    public const string Columns =
        "id, menu_id AS MenuId, menu_date AS MenuDate, dish_id AS DishId, resident_id AS ResidentId, resident_name AS ResidentName, fulfilment, portions, status, " +
        "placed_by AS PlacedBy, channel, special_request AS SpecialRequest, street, house_number AS HouseNumber, postcode, price_cents AS PriceCents, " +
        "payment_method AS PaymentMethod, paid_at AS PaidAt, chargeable, confirmed_conflicts AS ConfirmedConflicts, standing_order_id AS StandingOrderId, " +
        "cancelled_at AS CancelledAt, created_at AS CreatedAt";

    public static Task InsertAsync(UnitOfWork work, MealOrder order, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO meal_orders (id, menu_id, menu_date, dish_id, resident_id, resident_name, fulfilment, portions, status, placed_by, channel,
                special_request, street, house_number, postcode, price_cents, payment_method, chargeable, confirmed_conflicts, standing_order_id, created_at)
            VALUES (@Id, @MenuId, @MenuDate, @DishId, @ResidentId, @ResidentName, @Fulfilment, @Portions, @Status, @PlacedBy, @Channel,
                @SpecialRequest, @Street, @HouseNumber, @Postcode, @PriceCents, @PaymentMethod, @Chargeable, @ConfirmedConflicts, @StandingOrderId, @CreatedAt)
            ON CONFLICT DO NOTHING
            """,
            order, cancellationToken: cancellationToken);

    public async Task<MealOrder?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<MealOrder>($"SELECT {Columns} FROM meal_orders WHERE id = @id", new { id }, cancellationToken: cancellationToken);
    }

    public static Task<MealOrder?> FindAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        work.QuerySingleOrDefaultAsync<MealOrder>(
            $"SELECT {Columns} FROM meal_orders WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);

    public Task<Page<MealOrder>> ListAsync(DateOnly? date, Guid? residentId, string? status, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<MealOrder>(
            Columns,
            "meal_orders WHERE (@date::date IS NULL OR menu_date = @date) AND (@residentId::uuid IS NULL OR resident_id = @residentId) AND (@status::text IS NULL OR status = @status)",
            "menu_date, created_at, id",
            new { date, residentId, status },
            page,
            cancellationToken);

    public static Task CancelAsync(UnitOfWork work, Guid id, bool chargeable, DateTime now, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            $"UPDATE meal_orders SET status = '{OrderStatus.Cancelled}', chargeable = @chargeable, cancelled_at = @now WHERE id = @id",
            new { id, chargeable, now }, cancellationToken: cancellationToken);

    /// <summary>Portions placed for a day's menu (the waiting list not counted).</summary>
    public static Task<int> PortionsTakenAsync(ISqlSession session, Guid menuId, CancellationToken cancellationToken) =>
        session.ExecuteScalarAsync<int>(
            $"SELECT coalesce(sum(portions), 0)::int FROM meal_orders WHERE menu_id = @menuId AND status = '{OrderStatus.Placed}'", new { menuId }, cancellationToken: cancellationToken);

    /// <summary>Placed or waiting orders a standing order produced from a date on, for pausing or stopping it.</summary>
    public static async Task<IReadOnlyList<MealOrder>> OfStandingOrderAsync(UnitOfWork work, Guid standingOrderId, DateOnly from, CancellationToken cancellationToken) =>
        (await work.QueryAsync<MealOrder>(
            $"SELECT {Columns} FROM meal_orders WHERE standing_order_id = @standingOrderId AND menu_date >= @from AND status <> '{OrderStatus.Cancelled}' ORDER BY menu_date",
            new { standingOrderId, from }, cancellationToken: cancellationToken)).ToList();

    /// <summary>Gives freed portions to the waiting list, first come first served, while they fit.</summary>
    public static async Task<IReadOnlyList<Guid>> PromoteWaitingAsync(UnitOfWork work, DailyMenu menu, CancellationToken cancellationToken)
    {
        var left = menu.Portions - await PortionsTakenAsync(work, menu.Id, cancellationToken);
        var waiting = await work.QueryAsync<(Guid Id, int Portions)>(
            $"SELECT id, portions FROM meal_orders WHERE menu_id = @Id AND status = '{OrderStatus.Waitlisted}' ORDER BY created_at, id", new { menu.Id }, cancellationToken: cancellationToken);
        var promoted = new List<Guid>();
        foreach (var (id, portions) in waiting)
        {
            if (portions > left)
            {
                // Strictly in order: a smaller later request does not jump the queue.
                break;
            }
            left -= portions;
            promoted.Add(id);
        }
        await work.ExecuteAsync(
            $"UPDATE meal_orders SET status = '{OrderStatus.Placed}' WHERE id = ANY(@promoted)", new { promoted = promoted.ToArray() }, cancellationToken: cancellationToken);
        return promoted;
    }

    /// <summary>Puts promoted orders on the desk's list of residents to tell.</summary>
    public static Task AddWaitlistNoticesAsync(UnitOfWork work, IReadOnlyList<Guid> orderIds, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "INSERT INTO waitlist_notices (id, order_id, created_at) SELECT gen_random_uuid(), unnest(@orderIds), @at ON CONFLICT (order_id) DO NOTHING",
            new { orderIds = orderIds.ToArray(), at }, cancellationToken: cancellationToken);

    private const string NoticeColumns =
        "n.id, n.order_id AS OrderId, o.menu_date AS MenuDate, o.resident_id AS ResidentId, o.resident_name AS ResidentName, p.phone, o.fulfilment, o.portions, " +
        "n.created_at AS CreatedAt, n.told_at AS ToldAt, n.told_by AS ToldBy";

    private const string Notices = "waitlist_notices n JOIN meal_orders o ON o.id = n.order_id LEFT JOIN resident_profiles p ON p.resident_id = o.resident_id";

    public Task<Page<WaitlistNotice>> WaitlistNoticesAsync(DateOnly? date, Guid? residentId, bool? open, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<WaitlistNotice>(NoticeColumns,
            Notices + """
             WHERE (@date::date IS NULL OR o.menu_date = @date) AND (@residentId::uuid IS NULL OR o.resident_id = @residentId)
               AND (@open::boolean IS NULL OR (n.told_at IS NULL) = @open)
            """,
            "n.created_at, n.id", new { date, residentId, open }, page, cancellationToken);

    /// <summary>Ticks a notice off; null when there is no such notice, false when it was ticked off before.</summary>
    public static Task<bool?> MarkToldAsync(UnitOfWork work, Guid id, string toldBy, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteScalarAsync<bool?>(
            """
            WITH target AS (SELECT id, told_at IS NULL AS open FROM waitlist_notices WHERE id = @id FOR UPDATE),
                 ticked AS (UPDATE waitlist_notices n SET told_at = @at, told_by = @toldBy FROM target t WHERE n.id = t.id AND t.open RETURNING n.id)
            SELECT open FROM target
            """, new { id, toldBy, at }, cancellationToken: cancellationToken);

    public async Task<WaitlistNotice?> FindWaitlistNoticeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<WaitlistNotice>(
            $"SELECT {NoticeColumns} FROM {Notices} WHERE n.id = @id", new { id }, cancellationToken: cancellationToken);
    }

    public static async Task<bool> MarkPaidAsync(UnitOfWork work, Guid id, DateTime now, CancellationToken cancellationToken) =>
        await work.ExecuteAsync(
            $"UPDATE meal_orders SET paid_at = @now WHERE id = @id AND paid_at IS NULL AND (status = '{OrderStatus.Placed}' OR chargeable)", new { id, now }, cancellationToken: cancellationToken) == 1;

    /// <summary>Placed orders of a day with their dish and the diet of the resident who ordered.</summary>
    public async Task<IReadOnlyList<KitchenLine>> KitchenLinesAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return (await session.QueryAsync<KitchenLine>(
            $$"""
            SELECT o.id AS OrderId, o.resident_name AS ResidentName, coalesce(d.name, '') AS Dish, o.fulfilment, o.portions, o.special_request AS SpecialRequest,
                   o.confirmed_conflicts AS ConfirmedConflicts, coalesce(p.diets, '{}') AS Diets, coalesce(p.texture, 'normal') AS Texture, coalesce(p.allergies, '{}') AS Allergies
            FROM meal_orders o
            LEFT JOIN dishes d ON d.id = o.dish_id
            LEFT JOIN resident_profiles p ON p.resident_id = o.resident_id
            WHERE o.menu_date = @date AND o.status = '{{OrderStatus.Placed}}'
            ORDER BY o.created_at
            """, new { date }, cancellationToken: cancellationToken)).ToList();
    }

    public async Task<int> WaitlistedAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.ExecuteScalarAsync<int>(
            $"SELECT count(*)::int FROM meal_orders WHERE menu_date = @date AND status = '{OrderStatus.Waitlisted}'", new { date }, cancellationToken: cancellationToken);
    }

    /// <summary>Marks everything still open in a month as paid, when the monthly collection went through.</summary>
    public static Task<int> MarkCollectedAsync(UnitOfWork work, Guid residentId, DateOnly from, DateOnly until, DateTime now, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            $"UPDATE meal_orders SET paid_at = @now WHERE resident_id = @residentId AND menu_date >= @from AND menu_date < @until AND paid_at IS NULL AND (status = '{OrderStatus.Placed}' OR chargeable)",
            new { residentId, from, until, now }, cancellationToken: cancellationToken);

    /// <summary>What a resident owes for a month: eaten meals and late cancellations.</summary>
    public async Task<IReadOnlyList<MealOrder>> ChargeableAsync(Guid residentId, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return (await session.QueryAsync<MealOrder>(
            $"SELECT {Columns} FROM meal_orders WHERE resident_id = @residentId AND menu_date >= @from AND menu_date < @until AND (status = '{OrderStatus.Placed}' OR chargeable) ORDER BY menu_date, created_at",
            new { residentId, from, until }, cancellationToken: cancellationToken)).ToList();
    }
}
