namespace WijPlatform.Intake.Infrastructure;

public sealed class SignalStore(NpgsqlDataSource db)
{
    private const string Columns = """
        s.id, s.partner, s.case_id AS CaseId, s.concern, s.status, s.referral_id AS ReferralId, s.received_at AS ReceivedAt,
        s.triaged_at AS TriagedAt, s.triaged_by AS TriagedBy, c.neighbourhood
        """;

    public void Insert(UnitOfWork work, Guid id, string partner, Guid caseId, string concern, DateTime at) =>
        work.Queue(
            "INSERT INTO partner_signals (id, partner, case_id, concern, status, received_at) VALUES (@id, @partner, @caseId, @concern, 'received', @at)",
            new { id, partner, caseId, concern, at });

    /// <summary>The signal, held until the unit of work ends, when the caller's team has its case.</summary>
    public async Task<Scoped<PartnerSignal>> LockAsync(UnitOfWork work, Guid id, TeamScope scope, CancellationToken ct) =>
        scope.Check(await work.QuerySingleOrDefaultAsync<PartnerSignal>(
            $"SELECT {Columns} FROM partner_signals s JOIN help_requests c ON c.id = s.case_id WHERE s.id = @id FOR UPDATE OF s", new { id }, cancellationToken: ct),
            s => s.Neighbourhood);

    public Task RecordTriageAsync(UnitOfWork work, Guid id, Guid? referralId, string by, DateTime at, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE partner_signals SET referral_id = @referralId, triaged_at = @at, triaged_by = @by WHERE id = @id",
            new { id, referralId, by, at }, cancellationToken: ct);

    /// <summary>
    /// Moves the signals named (by id, by their visit's referral, or by their case) on to <paramref name="status"/>
    /// where that is further than they are; returns those that moved.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Partner)>> AdvanceAsync(UnitOfWork work, Guid? signalId, Guid? referralId, Guid? caseId, string status, DateTime at, CancellationToken ct) =>
        (await work.QueryAsync<(Guid, string)>(
            """
            UPDATE partner_signals SET status = @status,
                   acted_upon_at = CASE WHEN @status = 'received' THEN acted_upon_at ELSE coalesce(acted_upon_at, @at) END
             WHERE (id = @signalId OR referral_id = @referralId OR case_id = @caseId)
               AND array_position(@ranked, status) < array_position(@ranked, @status)
            RETURNING id, partner
            """,
            new { signalId, referralId, caseId, status, at, ranked = SignalStatuses.All }, cancellationToken: ct)).ToList();

    /// <summary>The signal, when the caller's organisation sent it (staff see all); another organisation's signal is not there.</summary>
    public async Task<SignalStatus?> FindStatusAsync(Guid id, PartnerScope scope, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<SignalStatus>(
            """
            SELECT id, partner, status, received_at AS ReceivedAt, acted_upon_at AS ActedUponAt
              FROM partner_signals WHERE id = @id AND (@everyPartner OR partner = @organisation)
            """, new { id, everyPartner = scope.Everyone, organisation = scope.Organisation }, cancellationToken: ct);
    }

    /// <summary>The team's signals still waiting for triage, oldest first.</summary>
    public Task<Page<PartnerSignal>> AwaitingTriageAsync(TeamScope scope, string? neighbourhood, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<PartnerSignal>(Columns,
            $"""
            partner_signals s JOIN help_requests c ON c.id = s.case_id
             WHERE s.status = 'received' AND {TeamScope.Filter("c.neighbourhood")} AND (@neighbourhood::text IS NULL OR c.neighbourhood = @neighbourhood)
            """,
            "s.received_at, s.id", new { neighbourhood, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);
}

/// <summary>All a partner may see of its signal: that it arrived and where it stands (received, acted-upon, visit-requested, visit-planned).</summary>
public sealed record SignalStatus(Guid Id, string Partner, string Status, DateTime ReceivedAt, DateTime? ActedUponAt);

public sealed class TeamSettingsStore(NpgsqlDataSource db)
{
    public async Task<TeamSettings> OfAsync(string neighbourhood, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<TeamSettings>(
            "SELECT neighbourhood, automatic_visit_requests AS AutomaticVisitRequests, set_by AS SetBy, set_at AS SetAt FROM team_settings WHERE neighbourhood = @neighbourhood",
            new { neighbourhood }, cancellationToken: ct) ?? TeamSettings.Default(neighbourhood);
    }

    /// <summary>Read inside a signal's unit of work, so a switch committed first is honoured.</summary>
    public Task<bool> AutomaticVisitRequestsAsync(UnitOfWork work, string? neighbourhood, CancellationToken ct) =>
        work.ExecuteScalarAsync<bool>(
            "SELECT coalesce((SELECT automatic_visit_requests FROM team_settings WHERE neighbourhood = @neighbourhood), false)", new { neighbourhood }, cancellationToken: ct);

    public static async Task<TeamSettings> SetAsync(UnitOfWork work, TeamSettings settings, CancellationToken ct)
    {
        await work.ExecuteAsync(
            """
            INSERT INTO team_settings (neighbourhood, automatic_visit_requests, set_by, set_at) VALUES (@Neighbourhood, @AutomaticVisitRequests, @SetBy, @SetAt)
            ON CONFLICT (neighbourhood) DO UPDATE SET automatic_visit_requests = excluded.automatic_visit_requests, set_by = excluded.set_by, set_at = excluded.set_at
            """, settings, cancellationToken: ct);
        return settings;
    }
}
