using Dapper;
using Npgsql;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Infrastructure;

public sealed class ConsentStore(NpgsqlDataSource db)
{
    private const string Columns = "id, resident_id AS ResidentId, purpose, recipient, given_at AS GivenAt, recorded_by AS RecordedBy, withdrawn_at AS WithdrawnAt";

    public Task InsertAsync(UnitOfWork work, Consent consent, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO consents (id, resident_id, purpose, recipient, given_at, recorded_by) VALUES (@Id, @ResidentId, @Purpose, @Recipient, @GivenAt, @RecordedBy)",
            consent, work.Transaction, cancellationToken: ct));

    /// <summary>Withdraws the consent, when the caller's team has the resident; the resident stays locked until the unit of work ends.</summary>
    public Task<Scoped<Consent>> WithdrawAsync(UnitOfWork work, Guid residentId, Guid consentId, TeamScope scope, DateTime at, CancellationToken ct) =>
        work.WithinTeamAsync(TeamOfResident + " FOR UPDATE OF r", new { residentId }, scope, () =>
            work.Connection.QuerySingleOrDefaultAsync<Consent>(new CommandDefinition(
                $"UPDATE consents SET withdrawn_at = coalesce(withdrawn_at, @at) WHERE id = @consentId AND resident_id = @residentId RETURNING {Columns}",
                new { residentId, consentId, at }, work.Transaction, cancellationToken: ct)), ct);

    /// <summary>The neighbourhood of resident <c>@residentId</c>'s household.</summary>
    public const string TeamOfResident = "SELECT h.neighbourhood FROM residents r JOIN households h ON h.id = r.household_id WHERE r.id = @residentId";

    /// <summary>Read inside the referral's unit of work: a withdrawal that commits first is seen.</summary>
    public async Task<IReadOnlyList<Consent>> OfAsync(UnitOfWork work, Guid residentId, CancellationToken ct) =>
        (await work.Connection.QueryAsync<Consent>(new CommandDefinition(
            $"SELECT {Columns} FROM consents WHERE resident_id = @residentId", new { residentId }, work.Transaction, cancellationToken: ct))).ToList();

    public Task<Scoped<Page<Consent>>> ListAsync(Guid residentId, TeamScope scope, PageRequest page, CancellationToken ct) =>
        db.WithinTeamAsync(TeamOfResident, new { residentId }, scope,
            async () => await db.QueryPageAsync<Consent>(Columns, "consents WHERE resident_id = @residentId", "given_at DESC, id", new { residentId }, page, ct), ct);
}
