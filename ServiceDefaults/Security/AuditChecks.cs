using Dapper;
using Npgsql;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>Something the verification found wrong with the audit trail; <c>Line</c> is the line it concerns, if one.</summary>
public sealed record AuditFinding(string Kind, long? Line, string Detail)
{
    /// <summary>The kinds that name a line that was altered or removed (the rest say what is at risk).</summary>
    public static readonly string[] Tampering = ["altered", "unsigned", "chain-broken", "dequeued", "removed", "rewritten"];
}

/// <summary>The checks that the verification runs over the whole trail and the anchoring over what is new since the last anchor.</summary>
internal static class AuditChecks
{
    /// <summary>How many lines of one kind the answer names; the detail of the last one gives the total.</summary>
    public const int MaxLinesNamed = 20;

    /// <summary>
    /// Recomputes every seal after <paramref name="afterSeal"/> from its line and its predecessor; the
    /// first that does not fit (or whose line is gone) is where the chain was tampered with.
    /// </summary>
    public static async Task<AuditFinding?> ChainBreakAsync(NpgsqlConnection connection, long afterSeal, long throughSeal, CancellationToken ct)
    {
        var line = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            SELECT line_id FROM (
                SELECT s.seq, s.line_id, s.prev_hash, s.hash, a,
                       lag(s.seq) OVER w AS prev_seq,
                       lag(s.hash) OVER w AS expected_prev
                  FROM audit_seals s LEFT JOIN audit_log a ON a.id = s.line_id
                 WHERE s.seq BETWEEN @afterSeal AND @throughSeal
                WINDOW w AS (ORDER BY s.seq)) chain
             WHERE seq > @afterSeal
               AND (seq <> coalesce(prev_seq, @afterSeal) + 1
                    OR prev_hash <> coalesce(expected_prev, CASE WHEN @afterSeal = 0 THEN '\x00'::bytea ELSE '\x'::bytea END)
                    OR a IS NULL
                    OR hash <> sha256(prev_hash || audit_log_content(a)))
             ORDER BY seq LIMIT 1
            """, new { afterSeal, throughSeal }, cancellationToken: ct));
        return line is { } broken
            ? new AuditFinding("chain-broken", broken, $"The seal of line {broken} does not fit the line or the seal before it: the line was altered or lines before it were removed.")
            : null;
    }

    /// <summary>
    /// Lines from <paramref name="signedFrom"/> on whose signature is missing or does not fit their
    /// content: all of them (<paramref name="sealedAfter"/> null), or those sealed in a range of seals.
    /// </summary>
    public static async Task<List<AuditFinding>> SignaturesAsync(NpgsqlConnection connection, AuditSigner signer, long signedFrom, (long After, long Through)? sealedAfter, CancellationToken ct)
    {
        var sql = sealedAfter is null
            ? $"SELECT {Columns} FROM audit_log a WHERE a.id >= @signedFrom ORDER BY a.id"
            : $"SELECT {Columns} FROM audit_seals s JOIN audit_log a ON a.id = s.line_id WHERE a.id >= @signedFrom AND s.seq > @after AND s.seq <= @through ORDER BY a.id";
        var findings = new List<AuditFinding>();
        long altered = 0, unsigned = 0;
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new("signedFrom", signedFrom),
                new("after", sealedAfter?.After ?? 0),
                new("through", sealedAfter?.Through ?? 0),
            },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var line = Read(reader);
            if (line.Mac is null)
            {
                Name(findings, "unsigned", line.Id, ++unsigned, "The line carries no signature: it was written or replaced by someone other than the service.");
            }
            else if (!signer.Verifies(line))
            {
                Name(findings, "altered", line.Id, ++altered, "The line's content no longer fits the signature the service gave it when it wrote the line.");
            }
        }
        Total(findings, "unsigned", unsigned);
        Total(findings, "altered", altered);
        return findings;
    }

    private const string Columns =
        "a.id, a.at, a.actor, a.actor_name, a.role, a.on_behalf_of, a.action, a.record_type, a.record_id, a.resident_ids, a.endpoint, a.client_address, a.outcome, a.mac";

    private static AuditLine Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetFieldValue<DateTime>(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.GetFieldValue<Guid[]>(9),
        reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.GetString(12),
        reader.IsDBNull(13) ? null : reader.GetFieldValue<byte[]>(13));

    public static void Name(List<AuditFinding> findings, string kind, long line, long count, string detail)
    {
        if (count <= MaxLinesNamed)
        {
            findings.Add(new AuditFinding(kind, line, detail));
        }
    }

    public static void Total(List<AuditFinding> findings, string kind, long count)
    {
        if (count > MaxLinesNamed)
        {
            findings.Add(new AuditFinding(kind, null, $"{count} lines in all; the first {MaxLinesNamed} are named."));
        }
    }
}
