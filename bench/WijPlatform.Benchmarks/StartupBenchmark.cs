namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 5: time from the AppHost's start command to a healthy stack (every resource healthy, as the
/// AppHost reports by writing resources.json). Cold: an empty state folder, so PostgreSQL is
/// initialised, the databases created and migrated, and RabbitMQ boots a new node. Warm: a restart
/// on the same state folder and ports, with the data there. Both with the operating system's file
/// cache warm: dropping it needs root and would disturb the others on a shared machine.
/// </summary>
public static class StartupBenchmark
{
    private const string Group = "5 start-up";

    /// <param name="keepLast">Leave the last warm start running and return it, to measure the other figures on.</param>
    public static async Task<(FigureSet Set, RunningStack? Running)> RunAsync(BenchOptions options, bool keepLast)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        string? state = null;
        IReadOnlyDictionary<string, int>? ports = null;
        for (var run = 0; run < options.Runs; run++)
        {
            var last = run == options.Runs - 1;
            await using var stack = await RunningStack.StartAsync(keepState: last);
            cold.Add(stack.StartupTime.TotalSeconds);
            Console.WriteLine($"  start-up, cold run {run + 1}: {stack.StartupTime.TotalSeconds:0.0} s");
            state = stack.StateDirectory;
            ports = stack.Ports;
        }
        RunningStack? running = null;
        for (var run = 0; run < options.Runs; run++)
        {
            var last = run == options.Runs - 1;
            var stack = await RunningStack.StartAsync(state, ports, keepState: true);
            warm.Add(stack.StartupTime.TotalSeconds);
            Console.WriteLine($"  start-up, warm run {run + 1}: {stack.StartupTime.TotalSeconds:0.0} s");
            if (last && keepLast)
            {
                stack.KeepState = false;
                running = stack;
            }
            else
            {
                await stack.DisposeAsync();
            }
        }
        if (running is null)
        {
            RunningStack.DeleteState(state!);
        }

        var figures = new List<Figure>
        {
            Figure.Median(Group, "cold: empty state folder → healthy stack", "s", cold),
            Figure.Median(Group, "warm: restart on the same state folder → healthy stack", "s", warm),
        };
        var panels = new List<Panel> { new("Start command → every resource healthy (median)", "s", ["cold", "warm"], ["start-up"], [[figures[0].Value], [figures[1].Value]]) };
        return (new FigureSet("startup", "5. Start-up: AppHost start command to a healthy stack", figures, panels), running);
    }
}
