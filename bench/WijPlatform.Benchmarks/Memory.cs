using System.Globalization;
using WijPlatform.Hosting.Reporting;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Resident memory read from /proc. A .NET service: the RSS of its own process. PostgreSQL and
/// RabbitMQ are trees of processes sharing memory: the sum of their PSS (shared pages divided among
/// the processes that share them), so that PostgreSQL's shared buffers are not counted once per
/// backend. What Aspire adds is counted the same way, in rows of its own: the dotnet run that Aspire
/// starts each project with, its orchestrator (DCP: an API server, the controllers and one monitor
/// process per resource), the dashboard, and the AppHost; and the whole stack as one PSS total.
/// </summary>
public static class Memory
{
    /// <summary>Megabytes per resource of a running stack.</summary>
    public static Dictionary<string, double> Sample(RunningStack stack)
    {
        var children = StackProcesses.ChildrenByParent();
        var sample = new Dictionary<string, double>();
        var wrappers = new List<int>();
        foreach (var resource in stack.Resources.Where(r => r.ProcessId is not null))
        {
            var pid = resource.ProcessId!.Value;
            if (RunningStack.Services.Contains(resource.Name))
            {
                // Aspire runs a project as `dotnet run`, which starts the service as its child.
                wrappers.Add(pid);
                sample[Label(resource.Name)] = children[pid].Sum(service => Kilobytes($"/proc/{service}/status", "VmRSS:")) / 1024;
            }
            else
            {
                sample[Label(resource.Name)] = Pss(StackProcesses.Tree(pid, children)) / 1024;
            }
        }
        var stackProcesses = StackProcesses.Of(stack.AppHostProcessId);
        var commands = stackProcesses.ToDictionary(pid => pid, pid => StackProcesses.CommandOf(pid) ?? "");
        sample[$"dotnet run wrappers ({wrappers.Count}, PSS)"] = Pss(wrappers) / 1024;
        sample["DCP: API server, controllers, monitors (PSS)"] = Pss(commands.Where(c => c.Value.Contains("/dcp ", StringComparison.Ordinal)).Select(c => c.Key)) / 1024;
        if (commands.Where(c => c.Value.Contains("Aspire.Dashboard", StringComparison.Ordinal)).Select(c => c.Key).ToList() is [_, ..] dashboard)
        {
            sample["dashboard (PSS)"] = Pss(dashboard) / 1024;
        }
        sample["AppHost (PSS)"] = Pss([stack.AppHostProcessId]) / 1024;
        sample["whole stack (PSS, every process)"] = Pss(stackProcesses) / 1024;
        return sample;
    }

    private static double Pss(IEnumerable<int> processes) => processes.Sum(p => Kilobytes($"/proc/{p}/smaps_rollup", "Pss:"));

    public static string Label(string resource) => resource switch
    {
        "postgres" => "postgres (PSS, all processes)",
        "messaging" => "rabbitmq (PSS, all processes)",
        _ => resource,
    };

    /// <summary>Samples every half second until stopped, keeping each resource's highest value.</summary>
    public sealed class PeakSampler : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public PeakSampler(RunningStack stack) => _loop = LoopAsync(stack);

        public Dictionary<string, double> Peak { get; } = [];

        private async Task LoopAsync(RunningStack stack)
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var (name, megabytes) in Sample(stack))
                {
                    Peak[name] = Math.Max(Peak.GetValueOrDefault(name), megabytes);
                }
                try
                {
                    await Task.Delay(500, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        /// <summary>Stops sampling; Peak then holds the highest values seen.</summary>
        public async Task StopAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
            }
            await _loop;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }
    }

    private static double Kilobytes(string file, string field)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0; // the process ended between listing and reading
        }
    }
}
