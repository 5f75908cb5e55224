using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;
using WijPlatform.Hosting.LocalPostgres;
using WijPlatform.Hosting.StateFolder;

namespace Aspire.Hosting;

public static partial class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// A PostgreSQL server from the operating system's packages, its data in the state folder. On a
    /// first start initdb makes the cluster; once the server is ready its databases and roles are made.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, [ResourceName] string name, int port)
    {
        var state = builder.StateFolder();
        var directory = UnprivilegedUser.DirectoryFor(state.Directory, name);
        // A state folder from before the secrets file kept the superuser's password beside the data.
        var legacyPassword = Path.Combine(directory, "password");
        var password = builder.AddStateSecret($"{name}-password", () => File.Exists(legacyPassword) ? File.ReadAllText(legacyPassword).Trim() : StateSecrets.NewPassword());
        var bin = FindBinDirectory();
        var postgres = Path.Combine(bin ?? "/usr/lib/postgresql/15/bin", "postgres");
        var (command, prefix) = UnprivilegedUser.Wrap(postgres, []);
        var server = new LocalPostgresResource(name, command, directory, password.Resource);

        return builder.AddResource(server)
            .WithLoopbackEndpoint(LocalPostgresResource.EndpointName, port, "postgresql")
            .WithArgs(context =>
            {
                foreach (var argument in prefix)
                {
                    context.Args.Add(argument);
                }
                foreach (var argument in new[]
                {
                    "-D", server.DataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", server.DataDirectory,
                    "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=128MB", "-c", "log_min_messages=warning",
                    // An error's DETAIL quotes the row it refused ("Failing row contains (...)"): a resident's data in the server log.
                    "-c", "log_error_verbosity=terse",
                })
                {
                    context.Args.Add(argument);
                }
            })
            .WithReadinessCheck(async cancellationToken =>
            {
                await using var connection = new NpgsqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Pooling=false;Timeout=2");
                await connection.OpenAsync(cancellationToken);
            })
            .OnStarting(async (resource, @event, cancellationToken) =>
            {
                if (bin is null)
                {
                    throw new ResourceCannotStartException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres; ./wij up installs it)");
                }
                await InitializeClusterAsync(resource, bin, @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken);
            })
            .OnResourceReady(async (resource, @event, cancellationToken) =>
            {
                await DatabaseSetup.EnsureAsync(resource, cancellationToken);
                var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
                foreach (var database in resource.Databases)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null });
                }
            })
            .OnResourceStopped(async (resource, @event, cancellationToken) =>
            {
                var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
                foreach (var database in resource.Databases)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Exited, StopTimeStamp = DateTime.UtcNow });
                }
            });
    }

    /// <summary>
    /// A database on the server with its owner and application roles, each with its own password. Its
    /// state follows the server's (Aspire gives the children of executables no state of their own):
    /// running once it exists, exited when the server stops.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, [ResourceName] string name)
    {
        var builder = server.ApplicationBuilder;
        var owner = builder.AddStateSecret($"{name}-owner-password");
        var app = builder.AddStateSecret($"{name}-app-password");
        var database = new LocalPostgresDatabaseResource(name, server.Resource, owner.Resource, app.Resource);
        server.Resource.Databases.Add(database);
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new("Database", name), new("Owner role", database.OwnerRole), new("Application role", database.AppRole)],
            });
    }

    /// <summary>
    /// The service runs as the database's application role (ConnectionStrings__&lt;name&gt;) and applies its
    /// migrations as the owner (ConnectionStrings__&lt;name&gt;_owner).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<LocalPostgresDatabaseResource> database) =>
        builder
            .WithReference((IResourceBuilder<IResourceWithConnectionString>)database)
            .WithEnvironment($"ConnectionStrings__{database.Resource.Name}_owner", database.Resource.OwnerConnectionStringExpression);

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

    private static async Task InitializeClusterAsync(LocalPostgresResource server, string bin, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(server.Directory);
        var passwordFile = Path.Combine(server.Directory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, await server.SuperuserPassword.GetValueAsync(cancellationToken), cancellationToken);
        try
        {
            await UnprivilegedUser.GiveAsync(server.Directory);
            var (initdb, arguments) = UnprivilegedUser.Wrap(Path.Combine(bin, "initdb"),
            [
                "-D", server.DataDirectory, "-U", LocalPostgresResource.SuperuserName, "--pwfile", passwordFile,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            ]);
            var result = await CommandRunner.RunAsync(initdb, arguments, timeout: TimeSpan.FromMinutes(2), cancellationToken: cancellationToken);
            LogInitdbOutput(logger, result.Output);
            if (!result.Succeeded)
            {
                throw new ResourceCannotStartException($"initdb failed with exit code {result.ExitCode}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Output}")]
    private static partial void LogInitdbOutput(ILogger logger, string output);
}
