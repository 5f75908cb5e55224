namespace WijPlatform.Intake.Infrastructure;

/// <summary>
/// What intake counts for the municipality, per Amsterdam month and neighbourhood team (a question
/// without a neighbourhood counts under "unknown"): residents' questions, quick ones and cases alike,
/// by domain and by channel; partner signals by partner and by how soon they were acted upon; cases
/// opened and closed; the café's no-answer signals.
/// A case that a signal opened is no resident's question: were it counted there too, the signals'
/// own figure would give away the hidden "partner-signal" channel cell, and with it the small cell
/// the total was hiding. So a figure has a total only where no other figure publishes its population.
/// </summary>
public sealed class IntakeResults(NpgsqlDataSource db) : IResultsSource
{
    public IReadOnlyList<ResultFigure> Figures { get; } =
    [
        new("questions-by-domain", "Questions by domain (a question with two domains counts in both)", Totalled: true),
        new("questions-by-channel", "Questions by channel", Totalled: true),
        new("signals-by-partner", "Partner signals by partner", Totalled: true),
        new("signals-acted-upon", "Partner signals by how soon they were acted upon", Totalled: true),
        new("cases", "Cases opened and closed", Totalled: false),
        new("no-answer-signals", "Café deliveries where nobody answered and nobody could be reached", Totalled: false),
    ];

    private static readonly string[] SignalChannels = [CaseSignals.PartnerSignal, "cafe-signal"];

    private const string Sql =
        """
        WITH questions AS (
            SELECT created_at AT TIME ZONE 'Europe/Amsterdam' AS at, coalesce(neighbourhood, @unknown) AS team, channel, domains
              FROM help_requests WHERE created_at >= @start AND created_at < @end AND channel <> ALL(@signalChannels)
            UNION ALL
            SELECT answered_on::timestamp, coalesce(neighbourhood, @unknown), channel, domains
              FROM counted_questions WHERE answered_on >= @startDate AND answered_on < @endDate
        ), signals AS (
            SELECT s.received_at AT TIME ZONE 'Europe/Amsterdam' AS at, coalesce(c.neighbourhood, @unknown) AS team, s.partner,
                   CASE WHEN s.acted_upon_at IS NULL THEN 'not yet'
                        WHEN s.acted_upon_at - s.received_at <= interval '1 day' THEN 'within 1 day'
                        WHEN s.acted_upon_at - s.received_at <= interval '3 days' THEN 'within 3 days'
                        WHEN s.acted_upon_at - s.received_at <= interval '7 days' THEN 'within a week'
                        ELSE 'later' END AS speed
              FROM partner_signals s JOIN help_requests c ON c.id = s.case_id
             WHERE s.received_at >= @start AND s.received_at < @end
        )
        SELECT to_char(q.at, 'YYYY-MM') AS month, q.team, 'questions-by-domain' AS figure, d AS breakdown, count(*) AS count
          FROM questions q CROSS JOIN LATERAL unnest(q.domains) AS d GROUP BY 1, 2, 4
        UNION ALL
        SELECT to_char(at, 'YYYY-MM'), team, 'questions-by-channel', channel, count(*) FROM questions GROUP BY 1, 2, 4
        UNION ALL
        SELECT to_char(at, 'YYYY-MM'), team, 'signals-by-partner', partner, count(*) FROM signals GROUP BY 1, 2, 4
        UNION ALL
        SELECT to_char(at, 'YYYY-MM'), team, 'signals-acted-upon', speed, count(*) FROM signals GROUP BY 1, 2, 4
        UNION ALL
        SELECT to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), coalesce(neighbourhood, @unknown), 'cases', 'opened', count(*)
          FROM help_requests WHERE created_at >= @start AND created_at < @end GROUP BY 1, 2
        UNION ALL
        SELECT to_char(closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), coalesce(neighbourhood, @unknown), 'cases', 'closed', count(*)
          FROM help_requests WHERE closed_at >= @start AND closed_at < @end GROUP BY 1, 2
        UNION ALL
        SELECT to_char(e.occurred_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM'), coalesce(c.neighbourhood, @unknown), 'no-answer-signals', e.kind, count(*)
          FROM case_events e JOIN help_requests c ON c.id = e.case_id
         WHERE e.kind = 'cafe-no-answer' AND e.occurred_at >= @start AND e.occurred_at < @end GROUP BY 1, 2, 4
        """;

    public async Task<IReadOnlyList<ResultCount>> CountAsync(MonthRange range, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return [.. await session.QueryAsync<ResultCount>(Sql,
            new { start = range.StartUtc, end = range.EndUtc, startDate = range.First, endDate = range.EndDate, unknown = ResultTeams.Unknown, signalChannels = SignalChannels }, ct)];
    }
}
