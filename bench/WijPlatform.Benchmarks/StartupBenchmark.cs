namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 5: time from the AppHost's start command to a healthy stack (every resource healthy, as the
/// AppHost reports by writing resources.json), as <c>./wij up</c> starts it: Aspire's orchestrator,
/// the dashboard, the servers and the services (each through its launcher file, see ServiceLauncher). Cold: an empty state
/// folder, so PostgreSQL is initialised, the databases and roles created and migrated, and RabbitMQ
/// boots a new node. Warm: a restart on the same state folder and ports, with the data there. Both
/// with the operating system's file cache warm: dropping it needs root and would disturb the others
/// on a shared machine. Also the time from SIGTERM to the AppHost's exit, every process gone.
/// </summary>
public static class StartupBenchmark
{
    private const string Group = "5 start-up";

    public static async Task<FigureSet> RunAsync(BenchOptions options)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        var stop = new List<double>();
        string? state = null;
        IReadOnlyDictionary<string, int>? ports = null;
        for (var run = 0; run < options.Runs; run++)
        {
            var stack = await RunningStack.StartAsync(keepState: run == options.Runs - 1);
            cold.Add(stack.StartupTime.TotalSeconds);
            Console.WriteLine($"  start-up, cold run {run + 1}: {stack.StartupTime.TotalSeconds:0.0} s");
            state = stack.StateDirectory;
            ports = stack.Ports;
            stop.Add(await StopAsync(stack));
        }
        for (var run = 0; run < options.Runs; run++)
        {
            var stack = await RunningStack.StartAsync(state, ports, keepState: true);
            warm.Add(stack.StartupTime.TotalSeconds);
            Console.WriteLine($"  start-up, warm run {run + 1}: {stack.StartupTime.TotalSeconds:0.0} s");
            stop.Add(await StopAsync(stack));
        }
        RunningStack.DeleteState(state!);

        var figures = new List<Figure>
        {
            Figure.Median(Group, "cold: empty state folder → healthy stack", "s", cold),
            Figure.Median(Group, "warm: restart on the same state folder → healthy stack", "s", warm),
            Figure.Median(Group, "stop: SIGTERM → AppHost exited, every process gone", "s", stop),
        };
        var panels = new List<Panel> { new("Start command → every resource healthy; SIGTERM → stopped (median)", "s", ["cold", "warm", "stop"], ["time"], [[figures[0].Value], [figures[1].Value], [figures[2].Value]]) };
        return new FigureSet("startup", "5. Start-up: AppHost start command to a healthy stack, and stop", figures, panels);
    }

    private static async Task<double> StopAsync(RunningStack stack)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await stack.DisposeAsync();
        return watch.Elapsed.TotalSeconds;
    }
}
