namespace WijPlatform.Matching.Infrastructure;

/// <summary>
/// What matching counts for the municipality, per Amsterdam month and the neighbourhood of the
/// request: matches made (the volunteer accepted) and volunteer hours given, both by talent. Hours
/// are rounded to whole hours and hidden under 5 like any count.
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
               'matches-made' AS figure, r.talent AS breakdown, count(*) AS count
          FROM matches m JOIN volunteer_requests r ON r.id = m.request_id
         WHERE m.accepted_at >= @start AND m.accepted_at < @end
         GROUP BY 1, 2, 4
        UNION ALL
        SELECT to_char(h.day, 'YYYY-MM'), coalesce(r.neighbourhood, @unknown), 'volunteer-hours', r.talent, round(sum(h.hours))::bigint
          FROM match_hours h JOIN matches m ON m.id = h.match_id JOIN volunteer_requests r ON r.id = m.request_id
         WHERE h.day >= @startDate AND h.day < @endDate
         GROUP BY 1, 2, 4
        """;

    public async Task<IReadOnlyList<ResultCount>> CountAsync(MonthRange range, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return [.. await session.QueryAsync<ResultCount>(Sql,
            new { start = range.StartUtc, end = range.EndUtc, startDate = range.First, endDate = range.EndDate, unknown = ResultTeams.Unknown }, ct)];
    }
}
