using System.Diagnostics;
using System.Globalization;
using System.Text;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;

namespace WijPlatform.IntegrationTests;

/// <summary>
/// The whole stack, started exactly as <c>./wij up</c> starts it: the AppHost program (with its
/// dashboard), here with its own state folder and free ports, stopped with SIGTERM as Ctrl+C would.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process, string stateDirectory, int gatewayPort)
    {
        _process = process;
        StateDirectory = stateDirectory;
        GatewayPort = gatewayPort;
    }

    public string StateDirectory { get; }

    public int GatewayPort { get; }

    public Uri GatewayUrl => new($"http://127.0.0.1:{GatewayPort}");

    public IReadOnlyList<ResourceEntry> Resources { get; private set; } = [];

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public Process Process => _process;

    public static string AppHostAssembly =>
        Path.Combine(RepositoryRoot.Find(), "AppHost", "bin", BuildConfiguration.Name, "net10.0", "WijPlatform.AppHost.dll");

    /// <param name="appHostAssembly">Another build's AppHost (the previous version's); this build's by default.</param>
    public static AppHostProcess Start(string? stateDirectory = null, int? gatewayPort = null, IReadOnlyDictionary<string, string>? environment = null, string? appHostAssembly = null, bool noDashboard = false)
    {
        var state = stateDirectory ?? Path.Combine(Path.GetTempPath(), "wij-test-" + Guid.NewGuid().ToString("N")[..10]);
        var port = gatewayPort ?? Ports.GetFree();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { appHostAssembly ?? AppHostAssembly, "--state-dir", state, "--gateway-port", port.ToString(CultureInfo.InvariantCulture), "--dynamic-ports", "--quiet" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (noDashboard)
        {
            startInfo.ArgumentList.Add("--no-dashboard");
        }
        startInfo.Environment["WIJ_CONFIGURATION"] = BuildConfiguration.Name;
        // The AppHost passes its environment on to the services and the gateway.
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }
        var process = new Process { StartInfo = startInfo };
        var host = new AppHostProcess(process, state, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Waits until the AppHost reports every resource healthy; fails with its output otherwise.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var manifest = Path.Combine(StateDirectory, "resources.json");
        var deadline = DateTime.UtcNow + timeout;
        while (!File.Exists(manifest))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The stack did not start (exit {(_process.HasExited ? _process.ExitCode : "none")}):\n{Output}");
            }
            await Task.Delay(200);
        }
        Resources = ResourceManifest.Read(StateDirectory);
    }

    public Uri UrlOf(string resource) => new(Resources.Single(r => r.Name == resource).Url!);

    /// <summary>Sends SIGTERM, as a terminal's Ctrl+C or an orchestrator would, and waits for the exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            await CommandRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The AppHost did not stop within {timeout.TotalSeconds} s.\n{Output}");
            }
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
        }
        _process.Dispose();
        if (Environment.GetEnvironmentVariable("WIJ_KEEP_STATE") is not null)
        {
            return;
        }
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
