namespace WijPlatform.Matching.Infrastructure;

/// <summary>
/// What matching counts for the municipality, per Amsterdam month and the neighbourhood of the
/// request: matches made (the volunteer accepted) and volunteer hours given, both by talent. Hours
/// are rounded to whole hours; a cell of hours is hidden when fewer than 5 volunteers gave them
/// (its amount says nothing about how many people), and the total when fewer than 5 gave them all.
/// </summary>
public sealed class MatchingResults(NpgsqlDataSource db) : IResultsSource
{
    public IReadOnlyList<ResultFigure> Figures { get; } =
    [
        new("matches-made", "Volunteer matches made, by talent", Totalled: true),
        new("volunteer-hours", "Hours given by volunteers, by talent", Totalled: true),
    ];

    private const string Sql =
        """
        SELECT to_char(m.accepted_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM') AS month, coalesce(r.neighbourhood, @unknown) AS team,
               'matches-made' AS figure, r.talent AS breakdown, count(*) AS count, NULL::bigint AS people
          FROM matches m JOIN volunteer_requests r ON r.id = m.request_id
         WHERE m.accepted_at >= @start AND m.accepted_at < @end
         GROUP BY 1, 2, 4
        UNION ALL
        SELECT month, team, 'volunteer-hours', coalesce(talent, @total), round(sum(hours))::bigint, count(DISTINCT volunteer_id)
          FROM (SELECT to_char(h.day, 'YYYY-MM') AS month, coalesce(r.neighbourhood, @unknown) AS team, r.talent, h.hours, m.volunteer_id
                  FROM match_hours h JOIN matches m ON m.id = h.match_id JOIN volunteer_requests r ON r.id = m.request_id
                 WHERE h.day >= @startDate AND h.day < @endDate) AS given
         -- Per talent, and once per month and team for the people behind the total.
         GROUP BY GROUPING SETS ((month, team, talent), (month, team))
        """;

    public async Task<IReadOnlyList<ResultCount>> CountAsync(MonthRange range, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return [.. await session.QueryAsync<ResultCount>(Sql,
            new { start = range.StartUtc, end = range.EndUtc, startDate = range.First, endDate = range.EndDate, unknown = ResultTeams.Unknown, total = SmallCells.Total }, ct)];
    }
}
