using WijPlatform.Benchmarks;

// ./wij bench                    every figure of issue 9, one table, plots in bench/results/<date>/
// ./wij bench <figure>           one of: gateway write messaging matching startup memory
// options: --runs 3 --seconds 3 --concurrency 32 --write-rate 50 --rate 200 --message-seconds 5 --burst 2000 --out DIR
//          matching takes sizes: ./wij bench matching 1000 10000
string[] figures = ["all", "gateway", "write", "messaging", "matching", "startup", "memory"];
var options = BenchOptions.Parse(args);
if (!figures.Contains(options.Figure))
{
    Console.Error.WriteLine($"usage: ./wij bench [{string.Join(" | ", figures.Skip(1))}] [--runs N] [--seconds N] [--concurrency N] [--write-rate N] [--rate N] [--message-seconds N] [--burst N] [--out DIR]");
    return 2;
}

var started = DateTime.UtcNow;
var loadBefore = Report.LoadAverage();
var machine = Report.Machine();
Console.WriteLine($"WijPlatform benchmarks: {options.Figure}, {options.Runs} runs per figure; {machine}");
var sets = new List<FigureSet>();

switch (options.Figure)
{
    case "matching":
        sets.Add(MatchingBenchmark.Run(options));
        break;
    case "startup":
        sets.Add(await StartupBenchmark.RunAsync(options));
        break;
    case "gateway" or "write" or "messaging":
    {
        // Without the dashboard the services record no spans, as in production without a collector.
        await using var stack = await RunningStack.StartAsync(dashboard: false);
        sets.Add(await RunOnStackAsync(options.Figure, stack));
        break;
    }
    case "memory":
        sets.Add(await MemoryAsync());
        break;
    default:
    {
        // Matching first, in process with nothing else of ours running; then start-up and memory
        // on stacks as a developer runs them (dashboard, telemetry); then the figures measured on
        // the stack, on one without the dashboard, so that no span is recorded.
        sets.Add(MatchingBenchmark.Run(options));
        sets.Add(await StartupBenchmark.RunAsync(options));
        sets.Add(await MemoryAsync());
        await using var stack = await RunningStack.StartAsync(dashboard: false);
        foreach (var figure in new[] { "gateway", "write", "messaging" })
        {
            sets.Add(await RunOnStackAsync(figure, stack));
        }
        break;
    }
}

Console.WriteLine();
Console.WriteLine(Report.Write(sets, options, machine, started, loadBefore));
return 0;

// Idle after start-up, then the peak during one run of figures 1 and 2, on a stack with its dashboard.
async Task<FigureSet> MemoryAsync()
{
    await using var stack = await RunningStack.StartAsync();
    Console.WriteLine("  memory: idle");
    var idle = await MemoryFigure.IdleAsync(stack, options.Runs);
    var single = options with { Runs = 1 };
    await using var sampler = new Memory.PeakSampler(stack);
    await GatewayBenchmark.RunAsync(stack, single);
    await WritePathBenchmark.RunAsync(stack, single);
    await sampler.StopAsync();
    return MemoryFigure.Create(idle, sampler.Peak, "one run of figures 1 and 2");
}

Task<FigureSet> RunOnStackAsync(string figure, RunningStack stack) => figure switch
{
    "gateway" => GatewayBenchmark.RunAsync(stack, options),
    "write" => WritePathBenchmark.RunAsync(stack, options),
    _ => MessagingBenchmark.RunAsync(stack, options),
};
