namespace WijPlatform.ServiceDefaults.Data;

public sealed record MigrationSource(Assembly Assembly);

/// <summary>The owner's connection string for migrations (null: the service's own), and the role the service runs as.</summary>
public sealed record MigrationConnection(string? OwnerConnectionString, string? ApplicationRole);

/// <summary>
/// Applies embedded *.sql migrations in name order, each once, each in its own transaction. An
/// advisory lock makes it safe for two instances that start at the same moment; it retries while
/// the database is not reachable yet.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, MigrationConnection owner, IEnumerable<MigrationSource> sources, ILogger<MigrationRunner> logger) : IHostedService
{
    private const long LockKey = 0x5749_4A4D_4947; // "WIJMIG"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrations = Migrations().ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyAsync(migrations, cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < 30)
            {
                LogWaiting(logger, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<(string Name, string Sql)> Migrations()
    {
        // The messaging tables come first: every service has an outbox and an inbox.
        var all = new[] { typeof(MigrationRunner).Assembly }.Concat(sources.Select(s => s.Assembly)).Distinct();
        foreach (var assembly in all)
        {
            var prefix = assembly == typeof(MigrationRunner).Assembly ? "000-" : "";
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                var name = prefix + resource[(resource.LastIndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
                yield return (name, reader.ReadToEnd());
            }
        }
    }

    private async Task ApplyAsync(List<(string Name, string Sql)> migrations, CancellationToken cancellationToken)
    {
        await using var connection = owner.OwnerConnectionString is { } ownerConnection
            ? new NpgsqlConnection(ownerConnection)
            : await dataSource.OpenConnectionAsync(cancellationToken);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            // Only when missing: a service whose migrations a Job applied as the owner (Kubernetes) runs
            // as the application role, which may not create anything, not even "if not exists".
            await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
            await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", connection))
            {
                if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
                {
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            var applied = new HashSet<string>();
            await using (var query = new NpgsqlCommand("SELECT name FROM schema_migrations", connection))
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            foreach (var (name, sql) in migrations.Where(m => !applied.Contains(m.Name)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (name) VALUES ($1)", connection, transaction) { Parameters = { new() { Value = name } } })
                {
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, name);
            }
            if (owner.OwnerConnectionString is not null && owner.ApplicationRole is { } role)
            {
                await GrantAsync(connection, role, cancellationToken);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The service may read and write every table's rows, but never change or remove a line of its
    /// audit trail (NEN 7513) or a seal of its chain: those tables grant it SELECT and INSERT only.
    /// </summary>
    private static async Task GrantAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        var quoted = "\"" + role.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var grant = new NpgsqlCommand(
            $"""
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {quoted};
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_seals FROM {quoted};
            REVOKE ALL ON schema_migrations FROM {quoted};
            GRANT SELECT ON schema_migrations TO {quoted};
            """, connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt}); retrying")]
    private static partial void LogWaiting(ILogger logger, int attempt);
}
