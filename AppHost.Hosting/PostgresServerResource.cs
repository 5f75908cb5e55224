using System.Security.Cryptography;
using Npgsql;

namespace WijPlatform.Hosting;

/// <summary>A PostgreSQL server run from the operating system's binaries, with its data in the state folder.</summary>
public sealed class PostgresServerResource : Resource
{
    private readonly string _directory;
    private readonly Action<string>? _console;
    private ManagedProcess? _process;

    public PostgresServerResource(string name, int port, string stateDirectory, Action<string>? console = null)
        : base(name)
    {
        Port = port;
        _console = console;
        _directory = DirectoryFor(stateDirectory, name);
        LogPath = Path.Combine(stateDirectory, "logs", $"{name}.log");
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_directory, "data");

    public override string LogPath { get; }

    public override int? ProcessId => _process?.Id;

    public override string Url => $"postgresql://127.0.0.1:{Port}";

    public List<PostgresDatabaseResource> Databases { get; } = [];

    public string Password { get; private set; } = "";

    public string UserName => "postgres";

    /// <summary>
    /// Where a server's data and password live: in the state folder, unless the unprivileged user the
    /// server runs as cannot reach it there (a state folder under /root), then under /var/tmp.
    /// </summary>
    public static string DirectoryFor(string stateDirectory, string name)
    {
        var preferred = Path.Combine(stateDirectory, name);
        return UnprivilegedUser.CanReach(preferred)
            ? preferred
            : Path.Combine("/var/tmp", $"wijplatform-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(preferred)))[..12]}", name);
    }

    /// <summary>A connection string to a database of a running stack, from its state folder and the server's URL (resources.json).</summary>
    public static string ConnectionStringFromState(string stateDirectory, Uri serverUrl, string database, string name = "postgres", string user = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = serverUrl.Host,
            Port = serverUrl.Port,
            Username = user,
            Password = File.ReadAllText(Path.Combine(DirectoryFor(stateDirectory, name), "password")).Trim(),
            Database = database,
        }.ConnectionString;

    public static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("WIJ_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }
        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "postgres")))
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "bin"))
            .FirstOrDefault();
    }

    public PostgresDatabaseResource AddDatabase(string name)
    {
        var database = new PostgresDatabaseResource(name, this);
        database.WaitsFor.Add(this);
        Databases.Add(database);
        return database;
    }

    public string ConnectionStringFor(string database, string? user = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = user ?? UserName,
            Password = Password,
            Database = database,
        }.ConnectionString;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory() ?? throw Fail("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres; run ./wij up, which installs it)");
        if (Ports.IsInUse(Port))
        {
            throw Fail($"port {Port} is already in use by another program");
        }

        Directory.CreateDirectory(_directory);
        var passwordFile = Path.Combine(_directory, "password");
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await File.WriteAllTextAsync(passwordFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), cancellationToken);
            await UnprivilegedUser.GiveAsync(_directory);
            var (initdb, initArgs) = UnprivilegedUser.Wrap(Path.Combine(bin, "initdb"),
            [
                "-D", DataDirectory, "-U", UserName, "--pwfile", passwordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            ]);
            var result = await CommandRunner.RunAsync(initdb, initArgs, timeout: TimeSpan.FromMinutes(2), cancellationToken: cancellationToken);
            await File.AppendAllTextAsync(LogPath, result.Output, cancellationToken);
            if (!result.Succeeded)
            {
                throw Fail($"initdb failed with exit code {result.ExitCode}");
            }
        }
        Password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();

        var (postgres, args) = UnprivilegedUser.Wrap(Path.Combine(bin, "postgres"),
        [
            "-D", DataDirectory, "-p", Port.ToString(), "-k", DataDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            "-c", "shared_buffers=128MB", "-c", "log_min_messages=warning",
            // An error's DETAIL quotes the row it refused ("Failing row contains (...)"): a resident's data in the server log.
            "-c", "log_error_verbosity=terse",
        ]);
        _process = ManagedProcess.Start(postgres, args, new Dictionary<string, string?>(), Name, LogPath, _console, _directory);
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: true })
        {
            throw Fail($"the server exited with code {await _process.Exited}");
        }
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The role that owns a database and applies its migrations.</summary>
    public static string OwnerOf(string database) => $"{database}_owner";

    /// <summary>The role the service runs as: it reads and writes rows but owns nothing, so it cannot alter its audit trail.</summary>
    public static string AppRoleOf(string database) => $"{database}_app";

    /// <summary>Creates the database, its owner and its application role if they do not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        // Development roles share the server's generated password; production sets its own.
        var password = Password.Replace("'", "''", StringComparison.Ordinal);
        foreach (var role in new[] { OwnerOf(database), AppRoleOf(database) })
        {
            await ExecuteAsync(connection, $"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'; END IF; END $$", cancellationToken);
        }
        await using var exists = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        var owner = await exists.ExecuteScalarAsync(cancellationToken) as string;
        if (owner is null)
        {
            await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\" OWNER \"{OwnerOf(database)}\"", cancellationToken);
        }
        else if (owner != OwnerOf(database))
        {
            // A state folder from before the roles existed: hand its tables to the owner role.
            await ExecuteAsync(connection, $"ALTER DATABASE \"{database}\" OWNER TO \"{OwnerOf(database)}\"", cancellationToken);
            await using var inDatabase = new NpgsqlConnection(ConnectionStringFor(database) + ";Pooling=false");
            await inDatabase.OpenAsync(cancellationToken);
            await ExecuteAsync(inDatabase, $"""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v') AND pg_get_userbyid(c.relowner) = 'postgres' LOOP
                    EXECUTE format('ALTER %s public.%I OWNER TO {OwnerOf(database)}', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.relname);
                  END LOOP;
                  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                           WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = 'postgres' LOOP
                    EXECUTE format('ALTER FUNCTION %s OWNER TO {OwnerOf(database)}', r.f);
                  END LOOP;
                END $$
                """, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server with a fast shutdown (rolls back open transactions, then writes a checkpoint).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10), PosixSignalNumber.Interrupt);
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Kills the server without warning, as a crash would; used by fault tests.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            _process.Signal(PosixSignalNumber.Kill);
            await _process.Exited;
            await _process.DisposeAsync();
            _process = null;
            // The postmaster's children notice its death and leave; wait until the port is free again.
            for (var i = 0; i < 100 && Ports.IsInUse(Port); i++)
            {
                await Task.Delay(100);
            }
        }
    }
}

public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : Resource(name), IResourceWithConnectionString
{
    public PostgresServerResource Server { get; } = server;

    public override Resource Parent => Server;

    /// <summary>What the service runs with: the application role, which owns nothing.</summary>
    public string ConnectionString => Server.ConnectionStringFor(Name, PostgresServerResource.AppRoleOf(Name));

    /// <summary>What the service migrates with (ConnectionStrings__&lt;name&gt;_owner).</summary>
    public string OwnerConnectionString => Server.ConnectionStringFor(Name, PostgresServerResource.OwnerOf(Name));

    public override string Url => $"{Server.Url}/{Name}";

    public override Task StartAsync(CancellationToken cancellationToken) => Server.EnsureDatabaseAsync(Name, cancellationToken);

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
