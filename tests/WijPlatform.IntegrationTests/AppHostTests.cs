using System.Net;
using System.Net.Http.Json;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests;

[CollectionDefinition(nameof(AppHostTests), DisableParallelization = true)]
public sealed class AppHostCollection;

/// <summary>The run command as a developer uses it: start, refuse a second start, stop on SIGTERM leaving nothing behind.</summary>
[Collection(nameof(AppHostTests))]
public sealed class AppHostTests
{
    [Fact]
    public async Task The_stack_starts_healthy_refuses_a_second_start_and_stops_leaving_no_process()
    {
        await using var host = AppHostProcess.Start();
        await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        Assert.Contains("API reference:", host.Output);
        Assert.Contains("./wij token", host.Output);

        using (var gateway = new HttpClient { BaseAddress = host.GatewayUrl })
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/health")).StatusCode);
        }

        var second = await CommandRunner.RunAsync("dotnet", [AppHostProcess.AppHostAssembly, "--state-dir", host.StateDirectory, "--quiet"], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already running", second.Output);

        var processes = host.Resources.Where(r => r.ProcessId is not null).Select(r => r.ProcessId!.Value).ToList();
        Assert.Equal(7, processes.Count);
        var epmd = host.Resources.Single(r => r.EpmdPort is not null).EpmdPort!.Value;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, await host.StopAsync(TimeSpan.FromSeconds(30)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {watch.Elapsed}");
        Assert.All(processes, pid => Assert.False(IsRunning(pid), $"process {pid} outlived the AppHost"));
        Assert.False(Ports.IsInUse(epmd), "epmd outlived the AppHost");
        var leftovers = await CommandRunner.RunAsync("pgrep", ["-f", host.StateDirectory]);
        Assert.Equal("", leftovers.Output.Trim());
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
                [AppHostProcess.AppHostAssembly, "--state-dir", state, "--dynamic-ports", "--quiet"],
                new Dictionary<string, string?> { ["WIJ_PORT_POSTGRES"] = port.ToString() },
                TimeSpan.FromMinutes(2));
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"postgres cannot start: port {port} is already in use", run.Output);
            Assert.Contains("postgres.log", run.Output);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
