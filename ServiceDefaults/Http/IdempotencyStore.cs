using System.Text;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>The write in progress under an Idempotency-Key: its unit of work inserts the key with its effect.</summary>
public sealed class IdempotentRequest(string caller, string key, string request, byte[] requestHash)
{
    public string Caller { get; } = caller;

    public string Key { get; } = key;

    /// <summary>Method and path: ids, never a name.</summary>
    public string Request { get; } = request;

    public byte[] RequestHash { get; } = requestHash;

    /// <summary>True once a unit of work of this request committed the key (and with it, the effect).</summary>
    public bool Written { get; internal set; }

    internal const string InsertSql =
        "INSERT INTO idempotency_keys (caller, key, request, request_hash) VALUES (@Caller, @Key, @Request, @RequestHash)";

    internal const string PrimaryKey = "idempotency_keys_pkey";
}

/// <summary>A key as stored; <see cref="Status"/> is null while its first request has not answered yet.</summary>
public sealed record StoredKey(string Request, byte[] RequestHash, DateTime CreatedAt, int? Status, string? ContentType, string? Location, byte[]? Answer);

/// <summary>Thrown at commit when another request under the same caller and key committed first: this one's effect is rolled back.</summary>
public sealed class IdempotencyKeyTakenException() : Exception("Another request with this Idempotency-Key was carried out first.");

/// <summary>
/// The idempotency_keys table of the service's own database. The answer of an endpoint without
/// residents' data is sealed with the service's field key: it may be a secret shown once (a partner's
/// webhook signing secret), which a dump of the database must not give away. An answer about a
/// resident stays readable to the database, where an erasure finds it by the resident's id and removes it.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource db, FieldCipher cipher)
{
    private const string AnswerField = "idempotency_keys.answer";

    /// <summary>The live key, if any; a key past its lifetime is removed first, so that the caller may use it again.</summary>
    public async Task<StoredKey?> FindAsync(string caller, string key, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var stored = await connection.QuerySingleOrDefaultAsync<StoredKey>(new CommandDefinition(
            """
            DELETE FROM idempotency_keys WHERE caller = @caller AND key = @key AND created_at < now() - @lifetime;
            SELECT request, request_hash AS RequestHash, created_at AS CreatedAt, status, content_type AS ContentType, location, answer
            FROM idempotency_keys WHERE caller = @caller AND key = @key
            """,
            new { caller, key, lifetime = IdempotencyKey.Lifetime },
            cancellationToken: ct));
        return stored?.Answer is { Length: > 0 } answer && FieldCipher.IsSealed(Encoding.UTF8.GetString(answer))
            ? stored with { Answer = Convert.FromBase64String(cipher.Open(Encoding.UTF8.GetString(answer), AnswerField)) }
            : stored;
    }

    public async Task SaveAnswerAsync(IdempotentRequest request, int status, string? contentType, string? location, byte[] answer, bool seal, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET status = @status, content_type = @contentType, location = @location, answer = @answer WHERE caller = @Caller AND key = @Key",
            new { request.Caller, request.Key, status, contentType, location, answer = seal ? Encoding.UTF8.GetBytes(cipher.Seal(Convert.ToBase64String(answer), AnswerField)) : answer },
            cancellationToken: ct));
    }

    /// <summary>Removes keys past their lifetime; returns how many.</summary>
    public async Task<int> CleanAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE created_at < now() - @lifetime", new { lifetime = IdempotencyKey.Lifetime }, cancellationToken: ct));
    }
}

/// <summary>Removes Idempotency-Keys past their 24 hours, once per service (the lease), every hour.</summary>
public sealed partial class IdempotencyCleanup(IdempotencyStore store, JobLeases leases, TimeProvider clock, ILogger<IdempotencyCleanup> logger)
    : TimerJob(clock, logger, leases)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await store.CleanAsync(cancellationToken) is > 0 and var removed)
        {
            LogCleaned(logger, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} idempotency keys past their lifetime")]
    private static partial void LogCleaned(ILogger logger, int count);
}
