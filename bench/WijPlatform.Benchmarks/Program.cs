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
        sets.Add((await StartupBenchmark.RunAsync(options, keepLast: false)).Set);
        break;
    case "gateway" or "write" or "messaging":
    {
        await using var stack = await RunningStack.StartAsync();
        sets.Add(await RunOnStackAsync(options.Figure, stack));
        break;
    }
    case "memory":
    {
        await using var stack = await RunningStack.StartAsync();
        var idle = await MemoryFigure.IdleAsync(stack, options.Runs);
        var single = options with { Runs = 1 };
        await using (var sampler = new Memory.PeakSampler(stack))
        {
            await GatewayBenchmark.RunAsync(stack, single);
            await WritePathBenchmark.RunAsync(stack, single);
            await sampler.StopAsync();
            sets.Add(MemoryFigure.Create(idle, sampler.Peak, "one run of figures 1 and 2"));
        }
        break;
    }
    default:
    {
        // Matching first, in process with nothing else of ours running; then start-up, whose last
        // warm start stays up for the figures measured on the stack, while memory is sampled.
        sets.Add(MatchingBenchmark.Run(options));
        var (startup, running) = await StartupBenchmark.RunAsync(options, keepLast: true);
        sets.Add(startup);
        await using var stack = running!;
        Console.WriteLine("  memory: idle");
        var idle = await MemoryFigure.IdleAsync(stack, options.Runs);
        await using var sampler = new Memory.PeakSampler(stack);
        foreach (var figure in new[] { "gateway", "write", "messaging" })
        {
            sets.Add(await RunOnStackAsync(figure, stack));
        }
        await sampler.StopAsync();
        sets.Add(MemoryFigure.Create(idle, sampler.Peak, "figures 1 to 3"));
        break;
    }
}

Console.WriteLine();
Console.WriteLine(Report.Write(sets, options, machine, started, loadBefore));
return 0;

Task<FigureSet> RunOnStackAsync(string figure, RunningStack stack) => figure switch
{
    "gateway" => GatewayBenchmark.RunAsync(stack, options),
    "write" => WritePathBenchmark.RunAsync(stack, options),
    _ => MessagingBenchmark.RunAsync(stack, options),
};
