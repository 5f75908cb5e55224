namespace WijPlatform.Intake.Infrastructure;

public sealed class ReferralStore(NpgsqlDataSource db)
{
    private const string Columns = "id, case_id AS CaseId, kind, target, status, follow_up_on AS FollowUpOn, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public void Insert(UnitOfWork work, Referral referral) =>
        work.Queue(
            """
            INSERT INTO referrals (id, case_id, kind, target, status, follow_up_on, created_at, updated_at)
            VALUES (@Id, @CaseId, @Kind, @Target, @Status, @FollowUpOn, @CreatedAt, @UpdatedAt)
            """, referral);

    /// <summary>The referral's case and status, held until the unit of work ends; null for a referral intake does not know.</summary>
    public Task<(Guid CaseId, string Status, Guid? DeclinedMatchId)?> LockAsync(UnitOfWork work, Guid referralId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<(Guid CaseId, string Status, Guid? DeclinedMatchId)?>(
            "SELECT case_id, status, declined_match_id FROM referrals WHERE id = @referralId FOR UPDATE", new { referralId }, cancellationToken: ct);

    /// <summary>The referral's new status; a decline of a match remembers which match it was.</summary>
    public Task SetStatusAsync(UnitOfWork work, Guid referralId, string status, DateTime at, Guid? matchId, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            UPDATE referrals SET status = @status, updated_at = @at,
                declined_match_id = CASE WHEN @status = 'declined' AND @matchId::uuid IS NOT NULL THEN @matchId::uuid ELSE declined_match_id END
            WHERE id = @referralId
            """,
            new { referralId, status, at, matchId }, cancellationToken: ct);

    public Task<Page<Referral>> DueFollowUpsAsync(TeamScope scope, DateOnly today, string? neighbourhood, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<Referral>(Columns,
            $"""
            referrals WHERE kind = 'partner' AND status = 'sent' AND follow_up_on <= @today
              AND case_id IN (SELECT id FROM help_requests WHERE {TeamScope.Filter("neighbourhood")} AND (@neighbourhood::text IS NULL OR neighbourhood = @neighbourhood))
            """,
            "follow_up_on, id", new { today, neighbourhood, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);

    public Task<Scoped<Page<Referral>>> ListAsync(Guid caseId, TeamScope scope, PageRequest page, CancellationToken ct) =>
        db.WithinTeamAsync(CaseStore.TeamOfCase, new { caseId }, scope,
            async () => await db.QueryPageAsync<Referral>(Columns, "referrals WHERE case_id = @caseId", "created_at, id", new { caseId }, page, ct), ct);

    /// <summary>A referral of case <paramref name="caseId"/>, when the caller's team has the case; one of another case is not there.</summary>
    public Task<Scoped<Referral>> FindAsync(Guid caseId, Guid id, TeamScope scope, CancellationToken ct) =>
        db.WithinTeamAsync(CaseStore.TeamOfCase, new { caseId }, scope, async () => await FindAsync(id, ct) is { } referral && referral.CaseId == caseId ? referral : null, ct);

    /// <summary>A referral by id, for the service's own use after its case was checked (a change just made, an answer from another service).</summary>
    internal async Task<Referral?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<Referral>(
            $"SELECT {Columns} FROM referrals WHERE id = @id", new { id }, cancellationToken: ct);
    }
}
