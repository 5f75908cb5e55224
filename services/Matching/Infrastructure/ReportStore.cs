namespace WijPlatform.Matching.Infrastructure;

public sealed record UnmetDemand
{
    public string Talent { get; init; } = "";
    public string Neighbourhood { get; init; } = "";
    public long Open { get; init; }
    public long ReportedUnmatched { get; init; }
}

public sealed record ActiveVolunteers
{
    public string Neighbourhood { get; init; } = "";
    public long Registered { get; init; }
    public long WithActiveMatch { get; init; }
}

/// <summary>Figures for the coordinator and the municipality: where demand goes unmet, where volunteers are active.</summary>
public sealed class ReportStore(NpgsqlDataSource db)
{
    public Task<Page<UnmetDemand>> UnmetDemandAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<UnmetDemand>("*",
            """
            (SELECT talent AS Talent, coalesce(neighbourhood, 'unknown') AS Neighbourhood, count(*) AS Open,
                    count(*) FILTER (WHERE unmatched_reported_at IS NOT NULL) AS ReportedUnmatched
             FROM volunteer_requests WHERE status = 'open' GROUP BY 1, 2) AS demand
            """,
            "Open DESC, Talent, Neighbourhood", null, page, cancellationToken);

    public Task<Page<ActiveVolunteers>> ActiveVolunteersAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<ActiveVolunteers>("*",
            """
            (SELECT coalesce(v.neighbourhood, 'unknown') AS Neighbourhood, count(*) AS Registered,
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM matches m WHERE m.volunteer_id = v.id AND m.status IN ('active', 'evaluated'))) AS WithActiveMatch
             FROM volunteers v WHERE v.active GROUP BY 1) AS volunteering
            """,
            "WithActiveMatch DESC, Neighbourhood", null, page, cancellationToken);
}
