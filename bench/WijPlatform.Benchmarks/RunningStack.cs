using System.Diagnostics;
using WijPlatform.Hosting;

namespace WijPlatform.Benchmarks;

/// <summary>The real stack, started by the AppHost with its own state folder and free ports, for the length of a benchmark.</summary>
public sealed class RunningStack : IAsyncDisposable
{
    private readonly Process _process;

    private RunningStack(Process process, string state, IReadOnlyList<ResourceEntry> resources, TimeSpan startup)
    {
        _process = process;
        StateDirectory = state;
        Resources = resources;
        StartupTime = startup;
    }

    public string StateDirectory { get; }

    public IReadOnlyList<ResourceEntry> Resources { get; }

    public TimeSpan StartupTime { get; }

    public Uri UrlOf(string name) => new(Resources.Single(r => r.Name == name).Url!);

    public static async Task<RunningStack> StartAsync(string? state = null)
    {
        state ??= Path.Combine(Path.GetTempPath(), "wij-bench-" + Guid.NewGuid().ToString("N")[..10]);
        var appHost = Path.Combine(RepositoryRoot.Find(), "AppHost", "bin", BuildConfiguration.Name, "net10.0", "WijPlatform.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { appHost, "--state-dir", state, "--gateway-port", Ports.GetFree().ToString(), "--dynamic-ports", "--quiet", "--environment", "Production" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["WIJ_CONFIGURATION"] = BuildConfiguration.Name;
        var watch = Stopwatch.StartNew();
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var manifest = Path.Combine(state, "resources.json");
        while (!File.Exists(manifest))
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException($"The stack did not start; see the logs in {state}/logs.");
            }
            await Task.Delay(100);
        }
        return new RunningStack(process, state, ResourceManifest.Read(state), watch.Elapsed);
    }

    public string DatabaseConnectionString(string database) =>
        PostgresServerResource.ConnectionStringFromState(StateDirectory, UrlOf("postgres"), database);

    public Uri BrokerAddress => RabbitMQServerResource.AddressFromState(StateDirectory, UrlOf("messaging"));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await CommandRunner.RunAsync("kill", ["-TERM", _process.Id.ToString()]);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
