using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;

namespace WijPlatform.FaultTests;

/// <summary>
/// One resource of a fault stack as a crash sees it: killed without warning (SIGKILL, the whole
/// process tree Aspire started for it), and started again through Aspire's own start command, as an
/// operator would from the dashboard.
/// </summary>
public sealed class FaultResource(DistributedApplication app, IResource resource)
{
    public string Name => resource.Name;

    /// <summary>Whether the process has ended (crashed, killed or stopped) and not been started again.</summary>
    public bool HasExited =>
        app.ResourceNotifications.TryGetCurrentState(resource.Name, out var current)
        && KnownResourceStates.TerminalStates.Contains(current.Snapshot.State?.Text);

    /// <summary>Kills the process and everything it started with SIGKILL, as a crash would, and waits until Aspire sees it gone.</summary>
    public async Task KillAsync()
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource.Name, out var current) || ResourceManifest.ProcessIdOf(current) is not { } pid)
        {
            throw new InvalidOperationException($"{Name} has no process to kill.");
        }
        // The deepest first: a project's service before the dotnet run that waits for it.
        foreach (var process in StackProcesses.Tree(pid).Reverse())
        {
            try
            {
                using var victim = System.Diagnostics.Process.GetProcessById(process);
                victim.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.ResourceNotifications.WaitForResourceAsync(resource.Name, KnownResourceStates.TerminalStates, timeout.Token);
        // A killed PostgreSQL's backends notice their postmaster's death a moment later; the port is
        // free once they are gone, and only then can the server start again.
        await PortsFreeAsync();
    }

    /// <summary>Waits until nothing listens on the resource's ports any more, so that it can start again at once.</summary>
    private async Task PortsFreeAsync()
    {
        foreach (var endpoint in (resource as IResourceWithEndpoints)?.GetEndpoints() ?? [])
        {
            await FaultStack.EventuallyAsync(() => Task.FromResult(endpoint.EndpointAnnotation.Port is not { } port || !Ports.IsInUse(port)), TimeSpan.FromSeconds(20), $"{Name}'s port is free");
        }
    }

    /// <summary>Stops the resource with Aspire's stop command, unless it has already ended.</summary>
    public async Task StopAsync()
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource.Name, out var current) || current.Snapshot.State?.Text is not { } state
            || KnownResourceStates.TerminalStates.Contains(state) || state == KnownResourceStates.NotStarted)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{Name} could not be stopped: {result.Message}");
        }
        await app.ResourceNotifications.WaitForResourceAsync(resource.Name, KnownResourceStates.TerminalStates, timeout.Token);
        await PortsFreeAsync();
    }

    /// <summary>Starts the resource (again) with Aspire's start command and waits until it is healthy.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, deadline.Token);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{Name} could not be started: {result.Message}");
        }
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, deadline.Token);
        }
        catch (DistributedApplicationException failed)
        {
            // Why it did not start is in its own log: the end of it goes with the failure.
            var log = app.Services.GetRequiredService<StateFolderInfo>().LogOf(resource.Name);
            var tail = File.Exists(log) ? string.Join('\n', (await File.ReadAllLinesAsync(log)).TakeLast(40)) : "(no log)";
            throw new InvalidOperationException($"{Name} did not start: {failed.Message}\nThe end of {log}:\n{tail}", failed);
        }
    }
}
