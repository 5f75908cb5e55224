using WijPlatform.ServiceDefaults.Data;

namespace WijPlatform.Gateway.Security;

public sealed record ApiKeyInfo(Guid Id, string PartnerOrg, string Role, string? Description, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt);

public sealed class ApiKeyStore(NpgsqlDataSource db, TimeProvider clock)
{
    private sealed record Row(Guid Id, string PartnerOrg, string Role, byte[] SecretHash);

    public async Task<(ApiKey Key, ApiKeyInfo Info)> CreateAsync(string partnerOrg, string role, string? description, string createdBy, CancellationToken ct)
    {
        var key = ApiKey.New();
        await using var connection = await db.OpenConnectionAsync(ct);
        var info = await connection.QuerySingleAsync<ApiKeyInfo>(new CommandDefinition(
            """
            INSERT INTO api_keys (id, partner_org, role, description, secret_hash, created_at, created_by)
            VALUES (@Id, @PartnerOrg, @Role, @Description, @Hash, @Now, @CreatedBy)
            RETURNING id, partner_org AS PartnerOrg, role, description, created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt, last_used_at AS LastUsedAt
            """,
            new { key.Id, PartnerOrg = partnerOrg, Role = role, Description = description, Hash = key.Hash(), Now = clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy },
            cancellationToken: ct));
        return (key, info);
    }

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
        db.QueryPageAsync<ApiKeyInfo>("id, partner_org AS PartnerOrg, role, description, created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt, last_used_at AS LastUsedAt", "api_keys", "created_at DESC, id", null, page, ct);

    /// <summary>True when the key existed and was active; a revoked key stays listed.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken: ct)) == 1;
    }
}
