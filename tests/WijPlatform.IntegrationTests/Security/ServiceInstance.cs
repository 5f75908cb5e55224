using System.Diagnostics;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// One service or gateway process of a test's own, beside the stack's Aspire resources: the built
/// assembly run with the environment the test gives it, its output in a log file, stopped with SIGTERM
/// as an orchestrator would.
/// </summary>
internal sealed class ServiceInstance(string name, string project, string logDirectory)
{
    private readonly Dictionary<string, string> _environment = [];
    private Process? _process;

    public string Name { get; } = name;

    public int Port { get; } = Ports.GetFree();

    public string Url => $"http://127.0.0.1:{Port}";

    public string LogPath { get; } = Path.Combine(logDirectory, $"{name}-{Guid.NewGuid().ToString("N")[..6]}.log");

    private string AssemblyPath =>
        Path.Combine(RepositoryRoot.Find(), Path.GetDirectoryName(project)!, "bin", BuildConfiguration.Name, "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");

    public ServiceInstance WithEnvironment(string variable, string value)
    {
        _environment[variable] = value;
        return this;
    }

    public ServiceInstance WithEnvironment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        foreach (var (variable, value) in variables)
        {
            _environment[variable] = value;
        }
        return this;
    }

    public ServiceInstance WithEnvironment(IEnumerable<KeyValuePair<string, Func<string>>> variables) =>
        WithEnvironment(variables.Select(v => KeyValuePair.Create(v.Key, v.Value())));

    public void Start()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        startInfo.Environment["ASPNETCORE_URLS"] = Url;
        startInfo.Environment["OTEL_SERVICE_NAME"] = Name;
        foreach (var (variable, value) in _environment)
        {
            startInfo.Environment[variable] = value;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            if (log.BaseStream is not null)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Whether it answers /health; throws with its log's path when the process died during start-up.</summary>
    public async Task<bool> IsHealthyAsync(HttpClient http)
    {
        if (_process is { HasExited: true })
        {
            throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} during start-up; see {LogPath}");
        }
        try
        {
            using var response = await http.GetAsync($"{Url}/health");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM and a graceful exit (its hosted services stop, its last anchors are written); SIGKILL after 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        if (!process.HasExited)
        {
            await CommandRunner.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
    }
}
