using Npgsql;

namespace WijPlatform.Hosting.LocalPostgres;

/// <summary>
/// Creates each database with its owner and application role once the server is ready, and on every
/// start sets each role's own password from its parameter, so no role can log in with another's secret.
/// </summary>
public static class DatabaseSetup
{
    public static async Task EnsureAsync(LocalPostgresResource server, CancellationToken cancellationToken)
    {
        var superuser = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(superuser + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases)
        {
            await EnsureRoleAsync(connection, database.OwnerRole, await database.OwnerPassword.GetValueAsync(cancellationToken), cancellationToken);
            await EnsureRoleAsync(connection, database.AppRole, await database.AppPassword.GetValueAsync(cancellationToken), cancellationToken);
            // The service's role must never become the owner: no membership, so no SET ROLE either.
            await ExecuteAsync(connection, $"""
                DO $$ BEGIN
                  IF pg_has_role('{database.AppRole}', '{database.OwnerRole}', 'MEMBER') THEN
                    REVOKE "{database.OwnerRole}" FROM "{database.AppRole}";
                  END IF;
                END $$
                """, cancellationToken);
            await EnsureDatabaseAsync(connection, superuser!, database, cancellationToken);
        }
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection connection, string role, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException($"the password parameter of role {role} has no value");
        }
        await ExecuteAsync(connection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE "{role}"; END IF;
            END $$;
            ALTER ROLE "{role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';
            """, cancellationToken);
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection connection, string superuser, LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database.Name } } };
        var owner = await exists.ExecuteScalarAsync(cancellationToken) as string;
        if (owner is null)
        {
            await ExecuteAsync(connection, $"CREATE DATABASE \"{database.Name}\" OWNER \"{database.OwnerRole}\"", cancellationToken);
        }
        else if (owner != database.OwnerRole)
        {
            await HandToOwnerAsync(connection, superuser, database, cancellationToken);
        }
        // Only the database's own two roles may connect to it.
        await ExecuteAsync(connection, $"""
            REVOKE CONNECT, TEMPORARY ON DATABASE "{database.Name}" FROM PUBLIC;
            GRANT CONNECT ON DATABASE "{database.Name}" TO "{database.OwnerRole}", "{database.AppRole}";
            """, cancellationToken);
    }

    /// <summary>A state folder from before the roles existed: its tables are handed to the owner role.</summary>
    private static async Task HandToOwnerAsync(NpgsqlConnection connection, string superuser, LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var owner = database.OwnerRole;
        await ExecuteAsync(connection, $"ALTER DATABASE \"{database.Name}\" OWNER TO \"{owner}\"", cancellationToken);
        await using var inDatabase = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { Database = database.Name, Pooling = false }.ConnectionString);
        await inDatabase.OpenAsync(cancellationToken);
        await ExecuteAsync(inDatabase, $"""
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v') AND pg_get_userbyid(c.relowner) = 'postgres' LOOP
                EXECUTE format('ALTER %s public.%I OWNER TO {owner}', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.relname);
              END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = 'postgres' LOOP
                EXECUTE format('ALTER FUNCTION %s OWNER TO {owner}', r.f);
              END LOOP;
            END $$
            """, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
