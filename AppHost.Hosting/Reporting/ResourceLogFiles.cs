using System.Text.RegularExpressions;
using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace WijPlatform.Hosting.Reporting;

/// <summary>
/// Every resource's console output, as the dashboard shows it, also in <c>logs/&lt;resource&gt;.log</c>
/// in the state folder (kept across runs, readable without the dashboard), and on the AppHost's
/// console prefixed with the resource's name unless --quiet.
/// </summary>
internal sealed partial class ResourceLogFiles(ResourceNotificationService notifications, ResourceLoggerService logs, StateFolderInfo folder) : BackgroundService
{
    private static readonly Lock ConsoleGate = new();
    private readonly ConcurrentDictionary<string, Task> _watched = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(folder.LogDirectory);
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource is not ParameterResource && !change.Snapshot.IsHidden)
                {
                    _ = _watched.GetOrAdd(change.ResourceId, id => Task.Run(() => CopyAsync(change.Resource.Name, id, stoppingToken), stoppingToken));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(_watched.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task CopyAsync(string name, string resourceId, CancellationToken stoppingToken)
    {
        await using var file = new StreamWriter(new FileStream(folder.LogOf(name), FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(Colours().Replace(line.Content, ""));
                    if (!folder.Options.Quiet)
                    {
                        lock (ConsoleGate)
                        {
                            System.Console.Out.WriteLine($"{name,-10}| {line.Content}");
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The services' console colours, which a file has no use for.</summary>
    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Colours();
}
