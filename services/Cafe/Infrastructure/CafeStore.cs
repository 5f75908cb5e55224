using Dapper;
using Npgsql;
using WijPlatform.Cafe.Model;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Cafe.Infrastructure;

public sealed class CafeStore(NpgsqlDataSource db)
{
    private const string MenuColumns = "id, menu_date AS MenuDate, dish, description, price_cents AS PriceCents, allergens, portions, created_at AS CreatedAt";

    /// <summary>Inserts the day's menu; false when that day already has one.</summary>
    public async Task<bool> InsertMenuAsync(UnitOfWork work, DailyMenu menu, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO daily_menus (id, menu_date, dish, description, price_cents, allergens, portions, created_at)
            VALUES (@Id, @MenuDate, @Dish, @Description, @PriceCents, @Allergens, @Portions, @CreatedAt)
            ON CONFLICT (menu_date) DO NOTHING
            """,
            new { menu.Id, menu.MenuDate, menu.Dish, menu.Description, menu.PriceCents, menu.Allergens, menu.Portions, menu.CreatedAt },
            work.Transaction, cancellationToken: cancellationToken)) == 1;

    public async Task<DailyMenu?> FindMenuAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MenuRow>(new CommandDefinition(
            $"SELECT {MenuColumns} FROM daily_menus WHERE menu_date = @date", new { date }, cancellationToken: cancellationToken));
        return row?.ToMenu();
    }

    /// <summary>
    /// Takes an order under a lock on the day's menu row, so two parallel orders for the last portion
    /// are serialised and exactly one gets it. Null when there is no menu that day; a zero-portion
    /// order when it is sold out.
    /// </summary>
    public async Task<(DailyMenu? Menu, MealOrder? Order)> OrderAsync(UnitOfWork work, DateOnly date, Guid orderId, string residentName, string fulfilment, int portions, CancellationToken cancellationToken)
    {
        var row = await work.Connection.QuerySingleOrDefaultAsync<MenuRow>(new CommandDefinition(
            $"SELECT {MenuColumns} FROM daily_menus WHERE menu_date = @date FOR UPDATE", new { date }, work.Transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return (null, null);
        }
        var menu = row.ToMenu();
        var ordered = await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT coalesce(sum(portions), 0) FROM meal_orders WHERE menu_id = @Id", new { menu.Id }, work.Transaction, cancellationToken: cancellationToken));
        if (ordered + portions > menu.Portions)
        {
            return (menu, null);
        }
        var order = await work.Connection.QuerySingleAsync<MealOrder>(new CommandDefinition(
            """
            INSERT INTO meal_orders (id, menu_id, resident_name, fulfilment, portions) VALUES (@orderId, @menuId, @residentName, @fulfilment, @portions)
            RETURNING id, menu_id AS MenuId, resident_name AS ResidentName, fulfilment, portions, created_at AS CreatedAt
            """,
            new { orderId, menuId = menu.Id, residentName, fulfilment, portions }, work.Transaction, cancellationToken: cancellationToken));
        return (menu, order);
    }

    public async Task<int> PortionsLeftAsync(Guid menuId, int portions, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var ordered = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT coalesce(sum(portions), 0) FROM meal_orders WHERE menu_id = @menuId", new { menuId }, cancellationToken: cancellationToken));
        return portions - ordered;
    }

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
