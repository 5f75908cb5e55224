namespace WijPlatform.ServiceDefaults.Data;

public static class PagedQuery
{
    /// <summary>
    /// One page of <c>SELECT columns FROM source ORDER BY order</c> and the total count.
    /// Only constant SQL fragments may be passed; values go in <paramref name="parameters"/>.
    /// </summary>
    public static async Task<Page<T>> QueryPageAsync<T>(
        this NpgsqlDataSource db, string columns, string source, string order, object? parameters, PageRequest page, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("PageSize", page.Size);
        arguments.Add("Offset", page.Offset);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {source}", arguments, cancellationToken: cancellationToken));
        var items = await connection.QueryAsync<T>(new CommandDefinition(
            $"SELECT {columns} FROM {source} ORDER BY {order} LIMIT @PageSize OFFSET @Offset", arguments, cancellationToken: cancellationToken));
        return new Page<T>(items.ToList(), page.Number, page.Size, total);
    }
}
