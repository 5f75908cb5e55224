using System.Diagnostics;
using System.Globalization;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;
using WijPlatform.Hosting.LocalPostgres;
using WijPlatform.Hosting.LocalRabbitMQ;

namespace WijPlatform.Benchmarks;

/// <summary>
/// The real stack, started by the AppHost as <c>./wij up</c> starts it (Aspire's orchestrator, the
/// dashboard unless asked not to) with its own state folder and free ports, for the length of a benchmark.
/// </summary>
public sealed class RunningStack : IAsyncDisposable
{
    private readonly Process _process;
    /// <summary>Leave the state folder when the stack stops, for a warm restart.</summary>
    public bool KeepState { get; set; }

    private RunningStack(Process process, string state, IReadOnlyList<ResourceEntry> resources, TimeSpan startup, bool keepState)
    {
        _process = process;
        KeepState = keepState;
        StateDirectory = state;
        Resources = resources;
        StartupTime = startup;
    }

    public string StateDirectory { get; }

    /// <summary>The AppHost's process; Aspire's orchestrator and everything it started hang off it (<see cref="StackProcesses"/>).</summary>
    public int AppHostProcessId => _process.Id;

    public IReadOnlyList<ResourceEntry> Resources { get; }

    /// <summary>From the AppHost's start command to every resource healthy (the AppHost writes resources.json then).</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The .NET services and the gateway, as the AppHost names them.</summary>
    public static readonly string[] Services = ["intake", "calendar", "matching", "cafe", "gateway"];

    public Uri UrlOf(string name) => new(Resources.Single(r => r.Name == name).Url!);

    /// <summary>The port of every resource, so that a restart on the same state folder finds its data under the same names (RabbitMQ's node name holds its port).</summary>
    public IReadOnlyDictionary<string, int> Ports => Resources.Where(r => r.Url is not null).ToDictionary(r => r.Name, r => new Uri(r.Url!).Port);

    public static string NewStateDirectory() => Path.Combine(Path.GetTempPath(), "wij-bench-" + Guid.NewGuid().ToString("N")[..10]);

    /// <param name="state">The state folder; a new, empty one when null (a cold start).</param>
    /// <param name="ports">Ports to reuse (a warm restart); free ones when null.</param>
    /// <param name="keepState">Leave the state folder when the stack stops, for a warm restart.</param>
    /// <param name="dashboard">With the dashboard, to which the services then export their telemetry (spans
    /// included), as on a developer's machine; without, the services record no spans (production without a collector).</param>
    public static async Task<RunningStack> StartAsync(string? state = null, IReadOnlyDictionary<string, int>? ports = null, bool keepState = false, bool dashboard = true)
    {
        state ??= NewStateDirectory();
        if (Directory.Exists(state))
        {
            File.Delete(Path.Combine(state, "resources.json"));
        }
        var appHost = Path.Combine(RepositoryRoot.Find(), "AppHost", "bin", BuildConfiguration.Name, "net10.0", "WijPlatform.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var gatewayPort = ports?.GetValueOrDefault("gateway") is > 0 and var known ? known : WijPlatform.Hosting.Ports.GetFree();
        foreach (var argument in new[] { appHost, "--state-dir", state, "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--dynamic-ports", "--quiet", "--environment", "Production" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (!dashboard)
        {
            startInfo.ArgumentList.Add("--no-dashboard");
        }
        startInfo.Environment["WIJ_CONFIGURATION"] = BuildConfiguration.Name;
        // One benchmark client is one caller: the per-caller rate limit would measure itself.
        startInfo.Environment["Gateway__RequestsPerSecond"] = "10000000";
        startInfo.Environment["Gateway__Burst"] = "10000000";
        foreach (var (name, port) in ports ?? new Dictionary<string, int>())
        {
            startInfo.Environment[$"WIJ_PORT_{name.ToUpperInvariant()}"] = port.ToString(CultureInfo.InvariantCulture);
        }
        var watch = Stopwatch.StartNew();
        var process = Process.Start(startInfo)!;
        // The AppHost's own sentences say why a start failed; the resources' output is in their logs.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var (resources, healthyAt) = await ReadManifestAsync(state, process, watch, output);
            return new RunningStack(process, state, resources, healthyAt, keepState);
        }
        catch
        {
            await StopAsync(process);
            process.Dispose();
            if (!keepState)
            {
                DeleteState(state);
            }
            throw;
        }
    }

    /// <summary>Waits for the AppHost to write resources.json, which it does once every resource is healthy.</summary>
    private static async Task<(IReadOnlyList<ResourceEntry> Resources, TimeSpan HealthyAt)> ReadManifestAsync(string state, Process process, Stopwatch watch, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var manifest = Path.Combine(state, "resources.json");
        TimeSpan? seen = null;
        while (true)
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new InvalidOperationException($"The stack did not start; see the logs in {state}/logs. The AppHost said:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(10))}");
            }
            if (File.Exists(manifest))
            {
                seen ??= watch.Elapsed;
                try
                {
                    // The file may be seen between its creation and its content.
                    return (ResourceManifest.Read(state), seen.Value);
                }
                catch (System.Text.Json.JsonException)
                {
                }
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The superuser's connection to one of the stack's databases.</summary>
    public string DatabaseConnectionString(string database) =>
        LocalPostgresResource.ConnectionStringFromState(StateDirectory, UrlOf("postgres"), database);

    /// <summary>An administrator's token from the stack's development identity provider.</summary>
    public string AdminToken => _adminToken ??= WijPlatform.Hosting.DevelopmentIdentity.ForState(StateDirectory).CreateToken("admin");

    private string? _adminToken;

    public Uri BrokerAddress => LocalRabbitMQResource.AddressFromState(StateDirectory, UrlOf("messaging"));

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_process);
        _process.Dispose();
        if (!KeepState)
        {
            DeleteState(StateDirectory);
        }
    }

    /// <summary>SIGTERM: the AppHost stops every resource in order, as on Ctrl+C.</summary>
    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            await CommandRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await process.WaitForExitAsync();
        }
    }

    public static void DeleteState(string state)
    {
        try
        {
            Directory.Delete(state, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
