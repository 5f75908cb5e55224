using Dapper;
using Npgsql;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Intake.Infrastructure;

public sealed class ConsentStore(NpgsqlDataSource db)
{
    private const string Columns = "id, resident_id AS ResidentId, purpose, recipient, given_at AS GivenAt, recorded_by AS RecordedBy, withdrawn_at AS WithdrawnAt";

    public Task InsertAsync(UnitOfWork work, Consent consent, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO consents (id, resident_id, purpose, recipient, given_at, recorded_by) VALUES (@Id, @ResidentId, @Purpose, @Recipient, @GivenAt, @RecordedBy)",
            consent, work.Transaction, cancellationToken: ct));

    public Task<Consent?> WithdrawAsync(UnitOfWork work, Guid residentId, Guid consentId, DateTime at, CancellationToken ct) =>
        work.Connection.QuerySingleOrDefaultAsync<Consent>(new CommandDefinition(
            $"UPDATE consents SET withdrawn_at = coalesce(withdrawn_at, @at) WHERE id = @consentId AND resident_id = @residentId RETURNING {Columns}",
            new { residentId, consentId, at }, work.Transaction, cancellationToken: ct));

    /// <summary>Read inside the referral's unit of work: a withdrawal that commits first is seen.</summary>
    public async Task<IReadOnlyList<Consent>> OfAsync(UnitOfWork work, Guid residentId, CancellationToken ct) =>
        (await work.Connection.QueryAsync<Consent>(new CommandDefinition(
            $"SELECT {Columns} FROM consents WHERE resident_id = @residentId", new { residentId }, work.Transaction, cancellationToken: ct))).ToList();

    public Task<Page<Consent>> ListAsync(Guid residentId, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<Consent>(Columns, "consents WHERE resident_id = @residentId", "given_at DESC, id", new { residentId }, page, ct);
}
