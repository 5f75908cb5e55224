namespace WijPlatform.Calendar.Infrastructure;

/// <summary>
/// What the calendar counts for the municipality, per Amsterdam month of the occurrence: who came
/// and who did not come without notice. Activities belong to the support
/// point's centre, not to one neighbourhood, so they count under the whole point. Not also by
/// category: that figure's total would be the "attended" cell, and give back a no-show count hidden beside it.
/// </summary>
public sealed class CalendarResults(NpgsqlDataSource db) : IResultsSource
{
    public IReadOnlyList<ResultFigure> Figures { get; } =
    [
        new("attendance", "Activity attendance and no-shows", Totalled: true),
    ];

    private const string Sql =
        """
        SELECT to_char(a.occurrence_date, 'YYYY-MM') AS month, @team AS team, 'attendance' AS figure, a.status AS breakdown, count(*) AS count
          FROM attendance a
         WHERE a.occurrence_date >= @startDate AND a.occurrence_date < @endDate
         GROUP BY 1, 4
        """;

    public async Task<IReadOnlyList<ResultCount>> CountAsync(MonthRange range, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return [.. await session.QueryAsync<ResultCount>(Sql, new { startDate = range.First, endDate = range.EndDate, team = ResultTeams.WholePoint }, ct)];
    }
}
