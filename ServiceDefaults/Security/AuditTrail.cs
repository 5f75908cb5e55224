using Dapper;
using Npgsql;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>One line of the audit trail: who did what to which resident's record, and how it ended.</summary>
public sealed record AuditEntry(
    string Actor,
    string? ActorName,
    string Role,
    string? OnBehalfOf,
    string Action,
    string RecordType,
    string? RecordId,
    Guid[] ResidentIds,
    string Endpoint,
    string? ClientAddress)
{
    /// <summary>"committed" when written in the change's own transaction, else the HTTP status.</summary>
    public string Outcome { get; init; } = "";
}

/// <summary>What a resident may be shown of who looked at their file.</summary>
public sealed record AccessLogLine(long Id, DateTime At, string? ActorName, string Role, string? OnBehalfOf, string Action, string RecordType, string? RecordId, string Outcome);

public sealed record AuditVerification(long Lines, bool Intact, long? FirstBrokenLine);

/// <summary>Writes and checks the service's audit trail (table audit_log, hash-chained by a trigger).</summary>
public sealed class AuditTrail(NpgsqlDataSource db)
{
    private const string Insert = """
        INSERT INTO audit_log (actor, actor_name, role, on_behalf_of, action, record_type, record_id, resident_ids, endpoint, client_address, outcome)
        VALUES (@Actor, @ActorName, @Role, @OnBehalfOf, @Action, @RecordType, @RecordId, @ResidentIds, @Endpoint, @ClientAddress, @Outcome)
        """;

    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditEntry entry, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, entry, transaction, cancellationToken: ct));

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await WriteAsync(connection, null, entry, ct);
    }

    public Task<Page<AccessLogLine>> AccessLogAsync(Guid residentId, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<AccessLogLine>(
            "id, at, actor_name AS ActorName, role, on_behalf_of AS OnBehalfOf, action, record_type AS RecordType, record_id AS RecordId, outcome",
            "audit_log WHERE resident_ids @> ARRAY[@residentId]", "id DESC", new { residentId }, page, ct);

    /// <summary>Recomputes every line's hash from its content and its predecessor; the first line that does not fit is where someone tampered.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var result = await connection.QuerySingleAsync<(long Lines, long? Broken)>(new CommandDefinition(
            """
            SELECT count(*),
                   min(id) FILTER (WHERE id <> expected_id OR prev_hash <> expected_prev OR hash <> sha256(prev_hash || audit_log_content(a)))
              FROM (SELECT a, id, prev_hash, hash,
                           row_number() OVER (ORDER BY id) AS expected_id,
                           coalesce(lag(hash) OVER (ORDER BY id), '\x00'::bytea) AS expected_prev
                      FROM audit_log a) chain
            """, cancellationToken: ct));
        return new AuditVerification(result.Lines, result.Broken is null, result.Broken);
    }
}
