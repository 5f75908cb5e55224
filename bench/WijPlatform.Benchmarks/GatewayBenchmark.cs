using System.Net;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 1: the same intake endpoints called directly, through a bare YARP hop (the peer: what any
/// team would put in front of its services) and through our gateway, in the same run. Trivial: a
/// request answered 400 by the handler's own rule before any database work (routing, token check,
/// binding, a small problem document). Database-backed: one help request read by id, with its audit
/// line. Per run: the maximum throughput of each side with wrk (closed loop), then latency of each at
/// half the gateway's maximum (open loop); ratios are taken per run, then the median.
/// </summary>
public static class GatewayBenchmark
{
    private const string Group = "1 gateway overhead";

    private static readonly string[] Sides = ["direct", "bare YARP hop", "via gateway"];

    public static async Task<FigureSet> RunAsync(RunningStack stack, BenchOptions options)
    {
        if (!Wrk.IsInstalled)
        {
            throw new InvalidOperationException("Figure 1 needs wrk (apt-get install wrk); ./wij bench installs it.");
        }
        await using var hop = await BareYarpHop.StartAsync(stack.UrlOf("intake"));
        Uri[] urls = [stack.UrlOf("intake"), hop.Url, stack.UrlOf("gateway")];
        var clients = urls.Select(url => BenchHttp.Create(url, stack.AdminToken)).ToArray();
        try
        {
            var id = await HelpRequests.RegisterAsync(clients[2], withVolunteer: false) ?? throw new InvalidOperationException("Registering a help request to read failed.");
            var endpoints = new (string Name, string Path, HttpStatusCode Expected, string GoalDirect)[]
            {
                // A handler that answers from its own rule, with no database and no audit line.
                ("trivial", "/api/intake/quick-questions/counts?from=2026-02-01&to=2026-01-01", HttpStatusCode.BadRequest, ""),
                ("database read", $"/api/intake/help-requests/{id}", HttpStatusCode.OK, " (target ≥ 0.8)"),
            };
            var figures = new List<Figure>();
            var panels = new List<Panel>();
            foreach (var (name, path, expected, goalDirect) in endpoints)
            {
                var calls = clients.Select(client => (Func<Task<string?>>)(async () =>
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    return response.StatusCode == expected ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                })).ToArray();
                Task<WrkResult> Max(int side, TimeSpan duration) => Wrk.ClosedLoopAsync(new Uri(urls[side], path), stack.AdminToken, (int)expected, options.Concurrency, duration);

                Console.WriteLine($"  gateway overhead, {name}: warm-up");
                for (var side = 0; side < Sides.Length; side++)
                {
                    await Max(side, TimeSpan.FromSeconds(2));
                    await Load.OpenLoopAsync(calls[side], 50, TimeSpan.FromSeconds(1));
                }

                var runs = new List<Run>();
                for (var run = 0; run < options.Runs; run++)
                {
                    // Rotate which side goes first, so a drift in the machine's load favours none.
                    var order = Enumerable.Range(0, Sides.Length).Select(i => (i + run) % Sides.Length).ToArray();
                    var max = new WrkResult[Sides.Length];
                    foreach (var side in order)
                    {
                        max[side] = await Max(side, options.Phase);
                    }
                    var rate = Math.Max(1, max[2].Throughput / 2);
                    var at = new LoadResult[Sides.Length];
                    foreach (var side in order)
                    {
                        at[side] = await Load.OpenLoopAsync(calls[side], rate, options.Phase);
                    }
                    runs.Add(new Run(max, rate, at));
                    Console.WriteLine($"  gateway overhead, {name}, run {run + 1}: {string.Join(" / ", max.Select(m => m.Throughput.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} req/s (direct / bare hop / gateway); at {rate:0}/s p50 {string.Join(" / ", at.Select(a => a.P50.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} ms");
                }

                for (var side = 0; side < Sides.Length; side++)
                {
                    figures.Add(Figure.Median(Group, $"{name}: max throughput {Sides[side]}", "req/s", runs.Select(r => r.Max[side].Throughput)));
                }
                figures.Add(Figure.Median(Group, $"{name}: throughput ratio gateway / bare YARP hop (target ≥ 0.9)", "×", runs.Select(r => r.Max[2].Throughput / r.Max[1].Throughput)));
                figures.Add(Figure.Median(Group, $"{name}: throughput ratio gateway / direct{goalDirect}", "×", runs.Select(r => r.Max[2].Throughput / r.Max[0].Throughput)));
                figures.Add(Figure.Median(Group, $"{name}: throughput ratio bare YARP hop / direct", "×", runs.Select(r => r.Max[1].Throughput / r.Max[0].Throughput)));
                figures.Add(Figure.Median(Group, $"{name}: half of gateway max (open-loop rate)", "req/s", runs.Select(r => r.Rate)));
                for (var side = 0; side < Sides.Length; side++)
                {
                    figures.Add(Figure.Median(Group, $"{name}: p50 {Sides[side]} at half max", "ms", runs.Select(r => r.At[side].P50)));
                    figures.Add(Figure.Median(Group, $"{name}: p99 {Sides[side]} at half max", "ms", runs.Select(r => r.At[side].P99)));
                }
                figures.Add(Figure.Median(Group, $"{name}: added p50 at half max, bare YARP hop", "ms", runs.Select(r => r.At[1].P50 - r.At[0].P50)));
                figures.Add(Figure.Median(Group, $"{name}: added p50 at half max, gateway", "ms", runs.Select(r => r.At[2].P50 - r.At[0].P50)));
                figures.Add(Figure.Median(Group, $"{name}: added p50 ratio gateway / bare YARP hop (target ≤ 1.5)", "×", runs.Select(r => (r.At[2].P50 - r.At[0].P50) / (r.At[1].P50 - r.At[0].P50))));
                var failedMax = runs.Sum(r => r.Max.Sum(m => m.Unexpected));
                var failedAt = runs.Sum(r => r.At.Sum(a => a.Failed));
                if (failedMax + failedAt > 0)
                {
                    var reasons = string.Join("; ", runs.SelectMany(r => r.Max).Select(m => m.Reasons).Where(s => s.Length > 0).Append(Load.Reasons(runs.SelectMany(r => r.At))).Where(s => s.Length > 0).Distinct());
                    figures.Add(new Figure(Group, $"{name}: calls not answered {(int)expected}, all runs ({reasons})", failedMax + failedAt, "calls"));
                }

                double M(string measure) => figures.Single(f => f.Name == $"{name}: {measure}").Value;
                panels.Add(new Panel($"{name}: maximum throughput (wrk, closed loop)", "req/s", [name], [.. Sides], [[.. Sides.Select(s => M($"max throughput {s}"))]]));
                panels.Add(new Panel($"{name}: latency at half the gateway's maximum (open loop)", "ms", ["p50", "p99"], [.. Sides],
                    [[.. Sides.Select(s => M($"p50 {s} at half max"))], [.. Sides.Select(s => M($"p99 {s} at half max"))]]));
            }
            return new FigureSet("gateway", "1. Gateway overhead: intake directly, through a bare YARP hop, and through our gateway", figures, panels);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private sealed record Run(WrkResult[] Max, double Rate, LoadResult[] At);
}
