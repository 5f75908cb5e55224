using Dapper;
using Npgsql;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Intake.Infrastructure;

public sealed class ErasureStore(NpgsqlDataSource db)
{
    public Task InsertAsync(UnitOfWork work, Guid id, Guid residentId, string requestedBy, DateTime at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO erasures (id, resident_id, requested_by, requested_at) VALUES (@id, @residentId, @requestedBy, @at)",
            new { id, residentId, requestedBy, at }, work.Transaction, cancellationToken: ct));

    public Task ConfirmAsync(UnitOfWork work, Guid erasureId, string service, DateTime at, CancellationToken ct) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO erasure_confirmations (erasure_id, service, confirmed_at)
            SELECT @erasureId, @service, @at WHERE EXISTS (SELECT 1 FROM erasures WHERE id = @erasureId)
            ON CONFLICT DO NOTHING
            """, new { erasureId, service, at }, work.Transaction, cancellationToken: ct));

    /// <summary>The erasure's progress, when the caller's team had the resident (their household keeps its neighbourhood).</summary>
    public Task<Scoped<ErasureStatus>> FindAsync(Guid id, TeamScope scope, CancellationToken ct) =>
        db.WithinTeamAsync(
            "SELECT h.neighbourhood FROM erasures e JOIN residents r ON r.id = e.resident_id JOIN households h ON h.id = r.household_id WHERE e.id = @id",
            new { id }, scope, () => ReadAsync(id, ct), ct);

    private async Task<ErasureStatus?> ReadAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var erasure = await connection.QuerySingleOrDefaultAsync<(Guid Id, Guid ResidentId, DateTime RequestedAt)?>(new CommandDefinition(
            "SELECT id, resident_id, requested_at FROM erasures WHERE id = @id", new { id }, cancellationToken: ct));
        if (erasure is not { } found)
        {
            return null;
        }
        var confirmations = await connection.QueryAsync<ErasureConfirmation>(new CommandDefinition(
            "SELECT service, confirmed_at AS ConfirmedAt FROM erasure_confirmations WHERE erasure_id = @id ORDER BY confirmed_at, service", new { id }, cancellationToken: ct));
        return new ErasureStatus(found.Id, found.ResidentId, found.RequestedAt, confirmations.ToList());
    }
}

public sealed record ErasureConfirmation(string Service, DateTime ConfirmedAt);

/// <summary>Which services have confirmed that they erased the resident.</summary>
public sealed record ErasureStatus(Guid Id, Guid ResidentId, DateTime RequestedAt, IReadOnlyList<ErasureConfirmation> ConfirmedBy);
