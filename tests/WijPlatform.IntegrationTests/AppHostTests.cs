using System.Globalization;
using System.Net;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;

namespace WijPlatform.IntegrationTests;

[CollectionDefinition(nameof(AppHostTests), DisableParallelization = true)]
public sealed class AppHostCollection;

/// <summary>
/// The run command as a developer uses it (<c>./wij up</c> runs this program): start with the
/// dashboard, refuse a second start, name a resource that cannot start, and stop on SIGTERM
/// leaving no process behind — Aspire's orchestrator and dashboard included.
/// </summary>
[Collection(nameof(AppHostTests))]
public sealed class AppHostTests
{
    [Fact]
    public async Task The_stack_starts_healthy_refuses_a_second_start_and_stops_leaving_no_process()
    {
        await using var host = AppHostProcess.Start();
        await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(4));
        Assert.Contains("Dashboard:", host.Output);
        Assert.Contains("API reference:", host.Output);
        Assert.Contains("./wij token", host.Output);

        using (var gateway = new HttpClient { BaseAddress = host.GatewayUrl })
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/health")).StatusCode);
        }
        var dashboard = new Uri(host.Output.Split('\n').First(l => l.StartsWith("Dashboard:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        using (var browser = new HttpClient())
        {
            // No login on a developer's machine: the dashboard's own page, not a redirect to /login.
            using var page = await browser.GetAsync(dashboard);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("/login", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }

        var second = await CommandRunner.RunAsync("dotnet", [AppHostProcess.AppHostAssembly, "--state-dir", host.StateDirectory, "--quiet"], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already running", second.Output);

        var processes = StackProcesses.Of(host.Process.Id).Where(pid => pid != host.Process.Id).ToDictionary(pid => pid, pid => StackProcesses.CommandOf(pid) ?? "");
        foreach (var expected in new[] { "dcp", "Aspire.Dashboard", "postgres", "beam.smp", "epmd", "Intake.dll", "Gateway.dll" })
        {
            Assert.Contains(processes.Values, command => command.Contains(expected, StringComparison.Ordinal));
        }
        // Each service runs its built assembly through its launcher file: no `dotnet run` beside a
        // service evaluates the service's project with MSBuild (seconds of CPU each, at every start).
        Assert.DoesNotContain(processes.Values, command => command.Contains(".csproj", StringComparison.Ordinal));
        Assert.Contains(processes.Values, command => command.Contains("Intake.launch.proj", StringComparison.Ordinal));
        // The services start beside RabbitMQ, and each bus waits until the broker answers instead of
        // failing to connect under MassTransit's back-off (a warning with a stack trace at each try,
        // and up to 12 s late once the broker is up).
        foreach (var service in new[] { "intake", "calendar", "matching", "cafe", "notices" })
        {
            var log = await File.ReadAllTextAsync(Path.Combine(host.StateDirectory, "logs", $"{service}.log"));
            Assert.DoesNotContain("Connection Failed", log, StringComparison.Ordinal);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, await host.StopAsync(TimeSpan.FromSeconds(60)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"stopping took {watch.Elapsed}");
        // Aspire's orchestrator has told every resource to stop when the AppHost exits; a server
        // still finishing its own shutdown (PostgreSQL waits for its last clients) and DCP's
        // controller follow within seconds, and then nothing of the stack may be left.
        List<string> Survivors() => [.. processes.Where(p => StackProcesses.IsRunning(p.Key) && StackProcesses.CommandOf(p.Key) == p.Value).Select(p => $"{p.Key} {p.Value}")];
        try
        {
            await StackFixture.EventuallyAsync(() => Task.FromResult(Survivors().Count == 0), TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail("outlived the AppHost: " + string.Join("; ", Survivors()));
        }
    }

    [Fact]
    public async Task A_port_in_use_stops_the_start_with_one_sentence_naming_the_resource_and_its_log()
    {
        using var blocker = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        var state = Path.Combine(Path.GetTempPath(), "wij-test-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var run = await CommandRunner.RunAsync(
                "dotnet",
                [AppHostProcess.AppHostAssembly, "--state-dir", state, "--dynamic-ports", "--quiet", "--no-dashboard"],
                new Dictionary<string, string?> { ["WIJ_PORT_POSTGRES"] = port.ToString(CultureInfo.InvariantCulture) },
                TimeSpan.FromMinutes(2));
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"postgres cannot start: port {port} is already in use by another program. Log: {Path.Combine(state, "logs", "postgres.log")}", run.Output);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
