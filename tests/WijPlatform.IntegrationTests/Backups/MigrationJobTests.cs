using System.Security.Cryptography;
using Npgsql;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Backups;

/// <summary>
/// What the Kubernetes migration Job runs (deploy/kubernetes/base/defaults/migration-job.yaml): the
/// service's own build with <c>--migrate-only</c> and the owner's connection applies every migration
/// and exits without serving; the service's pods, which hold only the application role, then start on
/// that schema without trying to change it.
/// </summary>
public sealed class MigrationJobTests(StackFixture stack)
{
    [Fact]
    public async Task The_migration_job_applies_the_schema_as_the_owner_and_exits_and_the_service_starts_as_the_application_role()
    {
        var database = "kubejob_" + Guid.NewGuid().ToString("N")[..8];
        var (owner, app) = ($"{database}_owner", $"{database}_app");
        var (ownerPassword, appPassword) = (Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
        var superuser = stack.ConnectionString("postgres");
        // As a DBA makes a database for the cluster (deploy/kubernetes/README.md).
        await ExecuteAsync(superuser, $"CREATE ROLE {owner} LOGIN PASSWORD '{ownerPassword}'", $"CREATE ROLE {app} LOGIN PASSWORD '{appPassword}'",
            $"CREATE DATABASE {database} OWNER {owner}", $"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC", $"GRANT CONNECT ON DATABASE {database} TO {owner}, {app}");
        try
        {
            string As(string role, string password) => new NpgsqlConnectionStringBuilder(superuser) { Database = database, Username = role, Password = password }.ConnectionString;
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var environment = new Dictionary<string, string?>
            {
                ["ConnectionStrings__intakedb"] = As(app, appPassword),
                // Nothing listens here: the Job never needs the broker, and the service below must not take the stack's messages.
                ["ConnectionStrings__messaging"] = $"amqp://wij:none@127.0.0.1:{Ports.GetFree()}/",
                ["Messaging__FieldKeys__k"] = key,
                ["Auth__Issuers__0__Name"] = "https://identity.example",
                ["Auth__Issuers__0__SigningKey"] = key,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Ports.GetFree()}",
            };
            var intake = Path.Combine(RepositoryRoot.Find(), "services", "Intake", "bin", BuildConfiguration.Name, "net10.0", "Intake.dll");

            var job = await CommandRunner.RunAsync("dotnet", [intake, "--migrate-only"],
                new Dictionary<string, string?>(environment) { ["ConnectionStrings__intakedb_owner"] = As(owner, ownerPassword) }, TimeSpan.FromMinutes(2));
            Assert.True(job.Succeeded, job.Output);
            Assert.DoesNotContain("Now listening", job.Output, StringComparison.Ordinal);
            Assert.Equal(await MigrationsAsync(stack.ConnectionString("intakedb")), await MigrationsAsync(As(app, appPassword)));
            // The grants came with it: the service's role may not rewrite its audit trail.
            var rewrite = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(As(app, appPassword), "UPDATE audit_log SET actor = 'x'"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, rewrite.SqlState);

            // The service's pod: application role only. It passes its migrations (nothing to do, nothing
            // to create) and goes on to the broker, which is as far as this test lets it get.
            var output = await RunUntilAsync(intake, environment, "Broker not reachable for topology", TimeSpan.FromMinutes(1));
            Assert.DoesNotContain("permission denied", output, StringComparison.Ordinal);
            Assert.Contains("Broker not reachable for topology", output, StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync(superuser, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"DROP ROLE IF EXISTS {owner}", $"DROP ROLE IF EXISTS {app}");
        }
    }

    /// <summary>Runs the service until it prints <paramref name="line"/>, exits or the time is up; then stops it and returns what it printed.</summary>
    private static async Task<string> RunUntilAsync(string assembly, Dictionary<string, string?> environment, string line, TimeSpan timeout)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource();
        void Collect(string? text)
        {
            if (text is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(text);
            }
            if (text.Contains(line, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(seen.Task, process.WaitForExitAsync(), Task.Delay(timeout));
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<List<string>> MigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM schema_migrations ORDER BY name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
