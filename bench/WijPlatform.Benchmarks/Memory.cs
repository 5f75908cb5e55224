using System.Globalization;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Resident memory read from /proc. A .NET service is one process: its RSS. PostgreSQL and
/// RabbitMQ are trees of processes sharing memory: the sum of their PSS (shared pages divided among
/// the processes that share them), so that PostgreSQL's shared buffers are not counted once per backend.
/// </summary>
public static class Memory
{
    /// <summary>Megabytes per resource of a running stack.</summary>
    public static Dictionary<string, double> Sample(RunningStack stack)
    {
        var children = ChildrenByParent();
        var sample = new Dictionary<string, double>();
        foreach (var resource in stack.Resources.Where(r => r.ProcessId is not null))
        {
            var pid = resource.ProcessId!.Value;
            sample[Label(resource.Name)] = RunningStack.Services.Contains(resource.Name)
                ? Kilobytes($"/proc/{pid}/status", "VmRSS:") / 1024
                : Tree(pid, children).Sum(p => Kilobytes($"/proc/{p}/smaps_rollup", "Pss:")) / 1024;
        }
        return sample;
    }

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

    private static IEnumerable<int> Tree(int root, ILookup<int, int> children)
    {
        yield return root;
        foreach (var child in children[root])
        {
            foreach (var descendant in Tree(child, children))
            {
                yield return descendant;
            }
        }
    }

    private static ILookup<int, int> ChildrenByParent()
    {
        var pairs = new List<(int Parent, int Pid)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                // Field 4 of /proc/pid/stat, after the command name in parentheses (which may hold spaces).
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                pairs.Add((int.Parse(fields[1], CultureInfo.InvariantCulture), pid));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return pairs.ToLookup(p => p.Parent, p => p.Pid);
    }
}
