using WijPlatform.ServiceDefaults.Data;

namespace WijPlatform.Gateway.Security;

public sealed record ApiKeyInfo(Guid Id, string PartnerOrg, string Role, string? Description, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt);

public sealed class ApiKeyStore(NpgsqlDataSource db, TimeProvider clock)
{
    private sealed record Row(Guid Id, string PartnerOrg, string Role, byte[] SecretHash);

    /// <summary>
    /// Issues a key. With <paramref name="retry"/> (the caller's Idempotency-Key and the request's
    /// fingerprint) a second request under the same key issues nothing: it finds the key the first one
    /// issued (<see cref="IssueOutcome.IssuedBefore"/>) or, for another request, <see cref="IssueOutcome.KeyReused"/>.
    /// </summary>
    public async Task<(IssueOutcome Outcome, ApiKey? Key, ApiKeyInfo Info)> CreateAsync(string partnerOrg, string role, string? description, string createdBy, RetryKey? retry, CancellationToken ct)
    {
        var key = ApiKey.New();
        await using var connection = await db.OpenConnectionAsync(ct);
        var info = await connection.QuerySingleOrDefaultAsync<ApiKeyInfo>(new CommandDefinition(
            $"""
            INSERT INTO api_keys (id, partner_org, role, description, secret_hash, created_at, created_by, issued_for, issue_hash)
            VALUES (@Id, @PartnerOrg, @Role, @Description, @Hash, @Now, @CreatedBy, @IssuedFor, @IssueHash)
            ON CONFLICT (issued_for) WHERE issued_for IS NOT NULL DO NOTHING
            RETURNING {InfoColumns}
            """,
            new { key.Id, PartnerOrg = partnerOrg, Role = role, Description = description, Hash = key.Hash(), Now = clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy, IssuedFor = retry?.For, IssueHash = retry?.RequestHash },
            cancellationToken: ct));
        if (info is not null)
        {
            return (IssueOutcome.Issued, key, info);
        }
        // The same request's fingerprint is compared in the query: one read of the key the first request issued.
        var (sameRequest, earlier) = (await connection.QueryAsync<bool, ApiKeyInfo, (bool Same, ApiKeyInfo Info)>(
            $"SELECT issue_hash = @IssueHash AS same, {InfoColumns} FROM api_keys WHERE issued_for = @IssuedFor",
            (same, found) => (same, found), new { IssuedFor = retry!.For, IssueHash = retry.RequestHash }, splitOn: "id")).Single();
        return (sameRequest ? IssueOutcome.IssuedBefore : IssueOutcome.KeyReused, null, earlier);
    }

    private const string InfoColumns = "id, partner_org AS PartnerOrg, role, description, created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt, last_used_at AS LastUsedAt";

    /// <summary>The key's organisation and role, or null when it is unknown, wrong or revoked.</summary>
    public async Task<(string PartnerOrg, string Role)?> VerifyAsync(ApiKey key, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id, partner_org AS PartnerOrg, role, secret_hash AS SecretHash FROM api_keys WHERE id = @Id AND revoked_at IS NULL",
            new { key.Id }, cancellationToken: ct));
        if (row is null || !key.Matches(row.SecretHash))
        {
            return null;
        }
        // Last use to the minute is enough to find unused keys, and spares a write per request.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = @Now WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @Now - interval '1 minute')",
            new { key.Id, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct));
        return (row.PartnerOrg, row.Role);
    }

    public Task<Page<ApiKeyInfo>> ListAsync(PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<ApiKeyInfo>(InfoColumns, "api_keys", "created_at DESC, id", null, page, ct);

    /// <summary>
    /// True when the key existed and was active, or was revoked before by a request under the same
    /// <paramref name="retryFor"/> (a retry is told what the first request was); a revoked key stays listed.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid id, string? retryFor, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            WITH revoked AS (
                UPDATE api_keys SET revoked_at = @Now, revoked_for = @RetryFor WHERE id = @Id AND revoked_at IS NULL RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM revoked)
                OR EXISTS (SELECT 1 FROM api_keys WHERE id = @Id AND @RetryFor IS NOT NULL AND revoked_for = @RetryFor)
            """,
            new { Id = id, Now = clock.GetUtcNow().UtcDateTime, RetryFor = retryFor }, cancellationToken: ct));
    }
}

/// <summary>What became of a request to issue a key.</summary>
public enum IssueOutcome
{
    Issued,

    /// <summary>The same request was made before under this Idempotency-Key; that key stands, its secret was shown then.</summary>
    IssuedBefore,

    /// <summary>This Idempotency-Key was used for another request.</summary>
    KeyReused,
}

/// <summary>A caller's Idempotency-Key (<see cref="For"/>: caller and key) with the fingerprint of the request it came with.</summary>
public sealed record RetryKey(string For, byte[] RequestHash);
