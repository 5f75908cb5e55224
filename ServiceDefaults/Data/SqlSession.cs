namespace WijPlatform.ServiceDefaults.Data;

/// <summary>
/// Where a store's statement runs: inside a unit of work (its transaction, after its queued writes)
/// or on a connection of its own for a read. Every call is one asynchronous round trip that the caller
/// can see; nothing is sent behind a property.
/// </summary>
public interface ISqlSession
{
    Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default);

    Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);

    Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);

    Task<T> QuerySingleAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);

    Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);
}

/// <summary>A pooled connection of its own, for a statement outside a unit of work (each in its own implicit transaction).</summary>
public sealed class ConnectionSession(NpgsqlConnection connection) : ISqlSession, IAsyncDisposable
{
    public Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        connection.ExecuteScalarAsync<T?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        connection.QuerySingleAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        connection.QuerySingleOrDefaultAsync<T?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    public Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        connection.QueryFirstOrDefaultAsync<T?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

public static class SqlSessions
{
    /// <summary>A connection from the pool for statements outside a unit of work; dispose it to return it.</summary>
    public static async Task<ConnectionSession> OpenSessionAsync(this NpgsqlDataSource db, CancellationToken cancellationToken) =>
        new(await db.OpenConnectionAsync(cancellationToken));

    /// <summary>Reads inside <paramref name="within"/> when there is one (its locks and writes seen), else on a connection of its own.</summary>
    public static async Task<T> ReadAsync<T>(this NpgsqlDataSource db, ISqlSession? within, Func<ISqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        if (within is not null)
        {
            return await read(within);
        }
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await read(session);
    }
}
