using System.Globalization;
using System.Runtime.InteropServices;

namespace WijPlatform.Hosting;

/// <summary>
/// Starts resources as soon as what they wait for is healthy, reports every state change, prints a
/// summary table, and on SIGINT/SIGTERM stops everything, dependents before what they depend on.
/// </summary>
public sealed class DistributedApplication(AppHostOptions options, IReadOnlyList<Resource> resources) : IAsyncDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(120);
    private readonly List<Resource> _started = [];
    private readonly Lock _startedLock = new();

    public IReadOnlyList<Resource> Resources { get; } = resources;

    public AppHostOptions Options { get; } = options;

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(AppHostOptions.Parse(args));

    public T Get<T>(string name)
        where T : Resource => (T)Resources.Single(r => r.Name == name);

    public int Run() => RunAsync().GetAwaiter().GetResult();

    public async Task<int> RunAsync()
    {
        using var stopping = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        using var instance = StateLock.TryAcquire(Options.StateDirectory, Options.Fresh);
        if (instance is null)
        {
            Report($"WijPlatform is already running with state folder {Options.StateDirectory} (pid {StateLock.Holder(Options.StateDirectory)}); stop that one first (Ctrl+C there, or kill the pid).");
            return 2;
        }

        Report($"WijPlatform AppHost: state in {Options.StateDirectory}, logs in {Path.Combine(Options.StateDirectory, "logs")}");
        var failure = await StartAsync(stopping.Token);
        if (failure is not null)
        {
            Report(failure);
            await StopAsync();
            return 1;
        }
        PrintSummary();
        var manifest = Path.Combine(Options.StateDirectory, "resources.json");
        await File.WriteAllTextAsync(manifest, ResourceManifest.ToJson(Resources));
        Report("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        Report("Stopping...");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        File.Delete(manifest);
        await StopAsync();
        Report($"Stopped in {watch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Starts everything; returns null when all resources are healthy, else the one sentence that says why not.</summary>
    public async Task<string?> StartAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in Resources)
        {
            resource.StateChanged += OnStateChanged;
        }
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var healthy = Resources.ToDictionary(r => r, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var tasks = Resources.Select(r => StartOneAsync(r, healthy, failed)).ToList();
        await Task.WhenAll(tasks);
        var first = Resources.FirstOrDefault(r => r.State == ResourceState.Failed);
        if (first is not null)
        {
            return first.FailureReason;
        }
        return cancellationToken.IsCancellationRequested ? "Start-up was interrupted." : null;
    }

    private async Task StartOneAsync(Resource resource, Dictionary<Resource, TaskCompletionSource> healthy, CancellationTokenSource failed)
    {
        try
        {
            if (resource.WaitsFor.Count > 0)
            {
                resource.State = ResourceState.Waiting;
                await Task.WhenAll(resource.WaitsFor.Select(w => healthy[w].Task)).WaitAsync(failed.Token);
            }
            resource.State = ResourceState.Starting;
            lock (_startedLock)
            {
                _started.Add(resource);
            }
            await resource.StartAsync(failed.Token);
            var deadline = DateTime.UtcNow + HealthTimeout;
            while (!await resource.IsHealthyAsync(failed.Token))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new ResourceStartException(resource, $"{resource.Name} did not become healthy within {HealthTimeout.TotalSeconds:0} s. Log: {resource.LogPath}");
                }
                await Task.Delay(200, failed.Token);
            }
            resource.State = ResourceState.Healthy;
            healthy[resource].TrySetResult();
        }
        catch (ResourceStartException ex)
        {
            ex.Resource.MarkFailed(ex.Message);
            healthy[resource].TrySetCanceled();
            await failed.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            healthy[resource].TrySetCanceled();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or Npgsql.NpgsqlException)
        {
            resource.MarkFailed($"{resource.Name} cannot start: {ex.Message}. Log: {resource.LogPath}");
            healthy[resource].TrySetCanceled();
            await failed.CancelAsync();
        }
    }

    /// <summary>Stops every started resource once everything that waits for it has stopped.</summary>
    public async Task StopAsync()
    {
        List<Resource> started;
        lock (_startedLock)
        {
            started = [.. _started];
            _started.Clear();
        }
        var stops = new Dictionary<Resource, Task>();
        Task StopOne(Resource resource)
        {
            if (stops.TryGetValue(resource, out var existing))
            {
                return existing;
            }
            var dependents = started.Where(r => r.WaitsFor.Contains(resource)).Select(StopOne).ToList();
            var task = StopAfterAsync(resource, dependents);
            stops[resource] = task;
            return task;
        }
        foreach (var resource in started)
        {
            _ = StopOne(resource);
        }
        await Task.WhenAll(stops.Values);
    }

    private static async Task StopAfterAsync(Resource resource, List<Task> dependents)
    {
        await Task.WhenAll(dependents);
        if (resource.State != ResourceState.Failed)
        {
            resource.State = ResourceState.Stopping;
        }
        try
        {
            await resource.StopAsync(CancellationToken.None);
        }
        finally
        {
            if (resource.State != ResourceState.Failed)
            {
                resource.State = ResourceState.Stopped;
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void OnStateChanged(Resource resource, ResourceState state)
    {
        var detail = state switch
        {
            ResourceState.Waiting => $"waiting for {string.Join(", ", resource.WaitsFor.Select(w => w.Name))}",
            ResourceState.Failed => $"failed: {resource.FailureReason}",
            _ => state.ToString().ToLowerInvariant(),
        };
        Report($"{resource.Name,-10} {detail}");
    }

    private void PrintSummary()
    {
        var gateway = Resources.OfType<ProjectResource>().FirstOrDefault(p => p.Name == "gateway");
        var lines = new List<string>
        {
            "",
            $"{"resource",-12}{"state",-10}{"url",-48}log",
        };
        lines.AddRange(Resources.Select(r => $"{r.Name,-12}{r.State.ToString().ToLowerInvariant(),-10}{r.Url,-48}{r.LogPath ?? (r.Parent?.LogPath ?? "")}"));
        if (gateway is not null)
        {
            lines.Add("");
            lines.Add($"Gateway:           {gateway.Url}");
            lines.Add($"API reference:     {gateway.Url}/scalar");
            lines.Add($"Health:            {gateway.Url}/health");
            lines.Add($"Tokens (dev only): ./wij token <{string.Join('|', TokenCommand.Roles)}> [--team <neighbourhood>] [--volunteer-id <id>] [--partner-org <org>]");
            lines.Add($"                   curl -H \"Authorization: Bearer $(./wij token desk)\" {gateway.Url}/api/intake/residents");
        }
        lines.Add("");
        foreach (var line in lines)
        {
            ConsoleOutput.WriteLine(line);
        }
    }

    private static void Report(string? message) =>
        ConsoleOutput.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {message}");
}
