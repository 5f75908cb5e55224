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

/// <summary>
/// The verification's answer: <c>Intact</c> only when nothing was found. <c>FirstBrokenLine</c> is the
/// first line found altered or removed; <c>Anchor</c> is the newest anchor the chain was held against.
/// </summary>
public sealed record AuditVerification(long Lines, bool Intact, long? FirstBrokenLine, IReadOnlyList<AuditFinding> Findings, AuditAnchor? Anchor);

/// <summary>Writes and checks the service's audit trail (table audit_log, chained in audit_seals, anchored by <see cref="AuditAnchors"/>).</summary>
public sealed class AuditTrail(NpgsqlDataSource db, AuditSigner signer, AuditAnchors anchors, IOptions<AuditOptions> options, TimeProvider clock)
{
    internal const string InsertSql = """
        INSERT INTO audit_log (at, actor, actor_name, role, on_behalf_of, action, record_type, record_id, resident_ids, endpoint, client_address, outcome, mac)
        VALUES (@At, @Actor, @ActorName, @Role, @OnBehalfOf, @Action, @RecordType, @RecordId, @ResidentIds, @Endpoint, @ClientAddress, @Outcome, @Mac)
        """;

    // The lock audit_seal() takes; whoever holds it keeps lines from being sealed.
    private const long SealerLock = 7513;

    /// <summary>The row to insert for <paramref name="entry"/>: stamped with the time and signed.</summary>
    internal AuditLine Line(AuditEntry entry) => signer.Stamp(entry, clock.GetUtcNow().UtcDateTime);

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Line(entry), cancellationToken: ct));
    }

    public Task<Page<AccessLogLine>> AccessLogAsync(Guid residentId, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<AccessLogLine>(
            "id, at, actor_name AS ActorName, role, on_behalf_of AS OnBehalfOf, action, record_type AS RecordType, record_id AS RecordId, outcome",
            "audit_log WHERE resident_ids @> ARRAY[@residentId]", "id DESC", new { residentId }, page, ct);

    /// <summary>Chains the lines written since the last seal; returns how many it sealed (0 while another instance seals).</summary>
    private static Task<int> SealAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int maxLines, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT audit_seal(@maxLines)", new { maxLines }, transaction, cancellationToken: ct));

    /// <summary>Seals every line written so far, in batches (none while another instance is sealing).</summary>
    public async Task<long> SealPendingAsync(CancellationToken ct)
    {
        const int batch = 5_000;
        long sealedLines = 0;
        int round;
        await using var connection = await db.OpenConnectionAsync(ct);
        do
        {
            round = await SealAsync(connection, null, batch, ct);
            sealedLines += round;
        }
        while (round == batch);
        return sealedLines;
    }

    /// <summary>
    /// Seals what is pending, waiting a moment for the sealer's lock; null when it could, else who holds the lock.
    /// </summary>
    private async Task<string?> SealWaitingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"SET LOCAL lock_timeout = '3s'; SELECT pg_advisory_xact_lock({SealerLock})", transaction: transaction, cancellationToken: ct));
                while (await SealAsync(connection, transaction, 5_000, ct) == 5_000)
                {
                }
                await transaction.CommitAsync(ct);
                return null;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await transaction.RollbackAsync(ct);
            }
        }
        var holder = await connection.QueryFirstOrDefaultAsync<(string? Role, string? Application)?>(new CommandDefinition(
            $"""
            SELECT a.usename, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = {SealerLock} AND l.granted
            """, cancellationToken: ct));
        return holder is { } who ? $"a session of role '{who.Role}' (application '{who.Application}')" : "another session";
    }

    /// <summary>
    /// Seals what is pending, then checks the whole trail: every seal against its line and its
    /// predecessor, every line against the signature the service gave it, the chain against its newest
    /// anchor outside the database, and that no line waited longer than the seal interval to be sealed.
    /// A chain that passes is anchored afresh.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var blockedBy = await SealWaitingAsync(ct);
        var (anchor, findings) = await anchors.LatestAsync(ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        var lines = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM audit_log", cancellationToken: ct));
        if (anchor is not null && await AuditAnchors.CompareAsync(connection, anchor, ct) is { } differs)
        {
            findings.Add(differs);
        }
        if (await AuditChecks.ChainBreakAsync(connection, 0, long.MaxValue, ct) is { } broken)
        {
            findings.Add(broken);
        }
        if (signer.Enabled)
        {
            var signedFrom = anchor?.SignedFrom ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT coalesce(max(id), 0) + 1 FROM audit_log WHERE mac IS NULL", cancellationToken: ct));
            findings.AddRange(await AuditChecks.SignaturesAsync(connection, signer, signedFrom, null, ct));
        }
        findings.AddRange(await UnsealedAsync(connection, blockedBy, ct));

        if (findings.Count == 0)
        {
            await anchors.AnchorAsync(force: true, ct);
            (anchor, _) = await anchors.LatestAsync(ct);
        }
        var first = findings.Where(f => AuditFinding.Tampering.Contains(f.Kind) && f.Line is not null).Select(f => f.Line).Min();
        return new AuditVerification(lines, findings.Count == 0, first, findings, anchor);
    }

    /// <summary>Lines that have no seal: waiting longer than the seal interval, or taken out of the sealer's queue.</summary>
    private async Task<List<AuditFinding>> UnsealedAsync(NpgsqlConnection connection, string? blockedBy, CancellationToken ct)
    {
        var waiting = (await connection.QueryAsync<(long Id, DateTime At, bool Queued)>(new CommandDefinition(
            """
            SELECT a.id, a.at, EXISTS (SELECT 1 FROM audit_unsealed u WHERE u.line_id = a.id)
              FROM audit_log a
             WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.line_id = a.id)
             ORDER BY a.id
            """, cancellationToken: ct))).ToList();
        var findings = new List<AuditFinding>();
        long dequeued = 0;
        foreach (var line in waiting.Where(l => !l.Queued))
        {
            AuditChecks.Name(findings, "dequeued", line.Id, ++dequeued, "The line has no seal and was taken out of the sealer's queue.");
        }
        AuditChecks.Total(findings, "dequeued", dequeued);
        var now = clock.GetUtcNow().UtcDateTime;
        var late = waiting.Where(l => l.Queued && now - l.At.ToUniversalTime() > options.Value.SealInterval).ToList();
        if (late.Count > 0)
        {
            var oldest = (int)(now - late.Min(l => l.At.ToUniversalTime())).TotalSeconds;
            findings.Add(new AuditFinding("unsealed", late[0].Id,
                $"{late.Count} line(s) have waited longer than the seal interval to be sealed, the oldest {oldest} s; "
                + $"until they are, they can be altered unseen by the chain. The sealer's lock is held by {blockedBy ?? "nobody now"}."));
        }
        return findings;
    }
}
