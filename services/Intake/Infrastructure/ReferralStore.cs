using Dapper;
using Npgsql;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Infrastructure;

public sealed class ReferralStore(NpgsqlDataSource db)
{
    private const string Columns = "id, case_id AS CaseId, kind, target, status, follow_up_on AS FollowUpOn, created_at AS CreatedAt, updated_at AS UpdatedAt";

    public void Insert(UnitOfWork work, Referral referral) =>
        work.Write(
            """
            INSERT INTO referrals (id, case_id, kind, target, status, follow_up_on, created_at, updated_at)
            VALUES (@Id, @CaseId, @Kind, @Target, @Status, @FollowUpOn, @CreatedAt, @UpdatedAt)
            """, referral);

    /// <summary>The referral's case and status, held until the unit of work ends; null for a referral intake does not know.</summary>
    public Task<(Guid CaseId, string Status)?> LockAsync(UnitOfWork work, Guid referralId, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<(Guid CaseId, string Status)?>(new CommandDefinition(
            "SELECT case_id, status FROM referrals WHERE id = @referralId FOR UPDATE", new { referralId }, work.Transaction, cancellationToken: ct));

    public Task SetStatusAsync(UnitOfWork work, Guid referralId, string status, DateTime at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE referrals SET status = @status, updated_at = @at WHERE id = @referralId", new { referralId, status, at }, work.Transaction, cancellationToken: ct));

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
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Referral>(new CommandDefinition(
            $"SELECT {Columns} FROM referrals WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public Task InsertSignalAsync(UnitOfWork work, Guid id, string partner, Guid caseId, Guid referralId, DateTime at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO partner_signals (id, partner, case_id, referral_id, received_at) VALUES (@id, @partner, @caseId, @referralId, @at)",
            new { id, partner, caseId, referralId, at }, work.Transaction, cancellationToken: ct));

    /// <summary>A signal is acted upon once its home visit is matched or its case has a regisseur.</summary>
    public Task MarkSignalsActedUponAsync(UnitOfWork work, Guid? referralId, Guid? caseId, DateTime at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE partner_signals SET acted_upon_at = @at WHERE acted_upon_at IS NULL AND (referral_id = @referralId OR case_id = @caseId)",
            new { referralId, caseId, at }, work.Transaction, cancellationToken: ct));

    /// <summary>The signal, when the caller's organisation sent it (staff see all); another organisation's signal is not there.</summary>
    public async Task<SignalStatus?> FindSignalAsync(Guid id, PartnerScope scope, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SignalStatus>(new CommandDefinition(
            """
            SELECT id, partner, CASE WHEN acted_upon_at IS NULL THEN 'received' ELSE 'acted-upon' END AS Status,
                   received_at AS ReceivedAt, acted_upon_at AS ActedUponAt
              FROM partner_signals WHERE id = @id AND (@everyPartner OR partner = @organisation)
            """, new { id, everyPartner = scope.Everyone, organisation = scope.Organisation }, cancellationToken: ct));
    }
}

/// <summary>All a partner may see of its signal: that it arrived and that something was done.</summary>
public sealed record SignalStatus(Guid Id, string Partner, string Status, DateTime ReceivedAt, DateTime? ActedUponAt);
