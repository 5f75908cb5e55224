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
    internal const string InsertSql = """
        INSERT INTO audit_log (actor, actor_name, role, on_behalf_of, action, record_type, record_id, resident_ids, endpoint, client_address, outcome)
        VALUES (@Actor, @ActorName, @Role, @OnBehalfOf, @Action, @RecordType, @RecordId, @ResidentIds, @Endpoint, @ClientAddress, @Outcome)
        """;

    public static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, AuditEntry entry, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, entry, transaction, cancellationToken: ct));

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await WriteAsync(connection, null, entry, ct);
    }

    public Task<Page<AccessLogLine>> AccessLogAsync(Guid residentId, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<AccessLogLine>(
            "id, at, actor_name AS ActorName, role, on_behalf_of AS OnBehalfOf, action, record_type AS RecordType, record_id AS RecordId, outcome",
            "audit_log WHERE resident_ids @> ARRAY[@residentId]", "id DESC", new { residentId }, page, ct);

    /// <summary>Chains the lines written since the last seal; returns how many it sealed (0 while another instance seals).</summary>
    private async Task<int> SealAsync(int maxLines, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT audit_seal(@maxLines)", new { maxLines }, cancellationToken: ct));
    }

    /// <summary>Seals every line written so far, in batches (none while another instance is sealing).</summary>
    public async Task<long> SealPendingAsync(CancellationToken ct)
    {
        const int batch = 5_000;
        long sealedLines = 0;
        int round;
        do
        {
            round = await SealAsync(batch, ct);
            sealedLines += round;
        }
        while (round == batch);
        return sealedLines;
    }

    /// <summary>
    /// Seals what is pending, then recomputes every seal from its line and its predecessor. The first
    /// seal that does not fit, or a line that has no seal and is not waiting for one, is where
    /// someone tampered; the answer names that line.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await SealPendingAsync(ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        var result = await connection.QuerySingleAsync<(long Lines, long? Broken)>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM audit_log),
                   least(
                       (SELECT line_id FROM (
                            SELECT s.line_id, s.seq, s.prev_hash, s.hash, a,
                                   row_number() OVER (ORDER BY s.seq) AS expected_seq,
                                   coalesce(lag(s.hash) OVER (ORDER BY s.seq), '\x00'::bytea) AS expected_prev
                              FROM audit_seals s LEFT JOIN audit_log a ON a.id = s.line_id) chain
                         WHERE seq <> expected_seq OR prev_hash <> expected_prev OR a IS NULL
                            OR hash <> sha256(prev_hash || audit_log_content(a))
                         ORDER BY seq LIMIT 1),
                       (SELECT min(a.id) FROM audit_log a
                         WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.line_id = a.id)
                           AND NOT EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.line_id = a.id)))
            """, cancellationToken: ct));
        return new AuditVerification(result.Lines, result.Broken is null, result.Broken);
    }
}
