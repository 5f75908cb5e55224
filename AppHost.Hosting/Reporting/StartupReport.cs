using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace WijPlatform.Hosting.Reporting;

/// <summary>
/// What the AppHost says on its console while the stack starts: each resource's state as it
/// changes, then either a table of every resource (with the dashboard's address) once all are
/// healthy, or one sentence naming the resource that could not start, the cause and its log, after
/// which the AppHost stops everything and exits with 1. Also writes resources.json for tools.
/// </summary>
public sealed class StartupReport(
    ResourceNotificationService notifications,
    DistributedApplicationModel model,
    StartFailures failures,
    StateFolderInfo folder,
    DashboardAddress dashboard,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    // Generous: a first start on a machine busy with other builds can take minutes.
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromMinutes(5);
    private readonly TaskCompletionSource<string?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, string> _printed = [];

    /// <summary>Null once every resource is healthy; else the sentence that says which could not start and why.</summary>
    public Task<string?> Outcome => _outcome.Task;

    public string ManifestPath => Path.Combine(folder.Directory, "resources.json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Say($"WijPlatform AppHost: state in {folder.Directory}, logs in {folder.LogDirectory}");
        File.Delete(ManifestPath);
        var required = model.Resources.Where(IsRequired).ToList();
        var latest = new Dictionary<string, ResourceEvent>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(HealthTimeout);
        try
        {
            await foreach (var change in notifications.WatchAsync(timeout.Token))
            {
                if (!required.Contains(change.Resource))
                {
                    continue;
                }
                latest[change.Resource.Name] = change;
                PrintState(change);
                if (_outcome.Task.IsCompleted)
                {
                    continue;
                }
                if (FailureOf(change) is { } failure)
                {
                    Fail(failure);
                }
                else if (required.All(r => latest.TryGetValue(r.Name, out var e) && IsHealthy(e)))
                {
                    // Written aside and moved into place: whoever sees the file sees all of it.
                    await File.WriteAllTextAsync(ManifestPath + ".tmp", ResourceManifest.ToJson(required.Select(r => latest[r.Name]), folder, dashboard.Url), stoppingToken);
                    File.Move(ManifestPath + ".tmp", ManifestPath, overwrite: true);
                    PrintSummary(required.Select(r => latest[r.Name]).ToList());
                    _outcome.TrySetResult(null);
                    timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested && !_outcome.Task.IsCompleted)
        {
            var late = required.First(r => !latest.TryGetValue(r.Name, out var e) || !IsHealthy(e));
            Fail($"{late.Name} did not become healthy within {HealthTimeout.TotalSeconds:0} s. Log: {folder.LogOf(late.Name)}");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _outcome.TrySetResult("The AppHost stopped before the stack was healthy.");
            File.Delete(ManifestPath);
        }
    }

    /// <summary>The resources a healthy stack needs: not parameters, not the dashboard, not those started only on request.</summary>
    private static bool IsRequired(IResource resource) =>
        resource is not ParameterResource
        && resource.Name != DashboardAddress.ResourceName
        && !resource.TryGetLastAnnotation<ExplicitStartupAnnotation>(out _);

    private static bool IsHealthy(ResourceEvent e) =>
        e.Snapshot.State?.Text == KnownResourceStates.Running
        && (e.Snapshot.HealthStatus == HealthStatus.Healthy || !e.Resource.TryGetAnnotationsIncludingAncestorsOfType<HealthCheckAnnotation>(out _));

    private string? FailureOf(ResourceEvent e)
    {
        var state = e.Snapshot.State?.Text;
        var name = e.Resource.Name;
        var cause = state switch
        {
            _ when state == KnownResourceStates.FailedToStart => failures.CauseOf(name) ?? "it could not be started",
            _ when state == KnownResourceStates.Exited || state == KnownResourceStates.Finished =>
                failures.CauseOf(name) ?? $"it exited with code {e.Snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} during start-up",
            _ => null,
        };
        return cause is null ? null : $"{name} cannot start: {cause}. Log: {folder.LogOf(name)}";
    }

    private void Fail(string sentence)
    {
        Say(sentence);
        _outcome.TrySetResult(sentence);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    private void PrintState(ResourceEvent e)
    {
        var state = e.Snapshot.State?.Text ?? "";
        var detail = state switch
        {
            _ when state == KnownResourceStates.Waiting && e.Resource.TryGetAnnotationsOfType<WaitAnnotation>(out var waits) =>
                $"waiting for {string.Join(", ", waits.Select(w => w.Resource.Name).Distinct())}",
            _ when IsHealthy(e) => "healthy",
            _ when state == KnownResourceStates.Exited || state == KnownResourceStates.Finished => $"exited (code {e.Snapshot.ExitCode})",
            _ => state.ToLowerInvariant(),
        };
        if (detail.Length == 0 || (_printed.TryGetValue(e.Resource.Name, out var last) && last == detail))
        {
            return;
        }
        _printed[e.Resource.Name] = detail;
        Say($"{e.Resource.Name,-10} {detail}");
    }

    private void PrintSummary(IReadOnlyList<ResourceEvent> resources)
    {
        var lines = new List<string> { "", $"{"resource",-12}{"state",-10}{"url",-48}log" };
        lines.AddRange(resources.Select(r => $"{r.Resource.Name,-12}{"healthy",-10}{ResourceManifest.UrlOf(r.Resource),-48}{folder.LogOf(r.Resource.Name)}"));
        lines.Add("");
        if (dashboard.Url is { } url)
        {
            lines.Add($"Dashboard:         {url}  (resources, console and structured logs, traces, metrics)");
        }
        if (resources.FirstOrDefault(r => r.Resource.Name == "gateway") is { } gateway)
        {
            var gatewayUrl = ResourceManifest.UrlOf(gateway.Resource);
            lines.Add($"Gateway:           {gatewayUrl}");
            lines.Add($"API reference:     {gatewayUrl}/scalar");
            lines.Add($"Health:            {gatewayUrl}/health");
            lines.Add($"Tokens (dev only): ./wij token <{string.Join('|', TokenCommand.Roles)}> [--team <neighbourhood>] [--volunteer-id <id>] [--partner-org <org>]");
            lines.Add($"                   curl -H \"Authorization: Bearer $(./wij token desk)\" {gatewayUrl}/api/intake/residents");
        }
        lines.Add("Press Ctrl+C to stop.");
        foreach (var line in lines)
        {
            System.Console.Out.WriteLine(line);
        }
    }

    private static void Say(string message) =>
        System.Console.Out.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {message}");
}
