namespace WijPlatform.Cafe.Infrastructure;

/// <summary>
/// What Café Noord counts for the municipality, per Amsterdam month of the menu: meals served by how
/// they left the kitchen (eaten in, picked up, delivered), and delivery stops by how they ended
/// (delivered, or no answer and what followed). The neighbourhood is that of the order's postcode;
/// a meal eaten in has none and counts as unknown. Neither has a total: the delivered meals and the
/// stops count nearly the same orders, and intake counts the signalled stops again, so a total would
/// let one figure give back a small cell the other hides.
/// </summary>
public sealed class CafeResults(NpgsqlDataSource db, NeighbourhoodTable neighbourhoods) : IResultsSource
{
    public IReadOnlyList<ResultFigure> Figures { get; } =
    [
        new("meals", "Meals served, by eaten in, picked up and delivered", Totalled: false),
        new("delivery-stops", "Delivery stops by how they ended", Totalled: false),
    ];

    // Grouped by postcode here and by neighbourhood below: the map of postcodes to neighbourhoods is configuration, not data.
    private const string Sql =
        """
        SELECT to_char(menu_date, 'YYYY-MM') AS month, coalesce(postcode, '') AS team, 'meals' AS figure, fulfilment AS breakdown, sum(portions)::bigint AS count
          FROM meal_orders
         WHERE status = @placed AND menu_date >= @startDate AND menu_date < @endDate
         GROUP BY 1, 2, 4
        UNION ALL
        SELECT to_char(o.menu_date, 'YYYY-MM'), coalesce(o.postcode, ''), 'delivery-stops', s.status, count(*)
          FROM delivery_stops s JOIN meal_orders o ON o.id = s.order_id
         WHERE o.menu_date >= @startDate AND o.menu_date < @endDate
         GROUP BY 1, 2, 4
        """;

    public async Task<IReadOnlyList<ResultCount>> CountAsync(MonthRange range, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        var byPostcode = await session.QueryAsync<ResultCount>(Sql, new { startDate = range.First, endDate = range.EndDate, placed = OrderStatus.Placed }, ct);
        return [.. byPostcode.Select(c => c with { Team = neighbourhoods.Find(c.Team) ?? ResultTeams.Unknown })];
    }
}
