using System.Net;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 1: the same intake endpoints called directly and through the gateway, in the same run.
/// Trivial: a list request with an invalid page size, answered 400 by validation before any
/// database work (routing, binding, validation, a small problem document). Database-backed: one
/// help request read by id. Per run: the maximum throughput of each (closed loop), then latency of
/// each at half the gateway's maximum (open loop); the ratios are taken per run, then the median.
/// </summary>
public static class GatewayBenchmark
{
    private const string Group = "1 gateway overhead";

    public static async Task<FigureSet> RunAsync(RunningStack stack, BenchOptions options)
    {
        using var direct = BenchHttp.Create(stack.UrlOf("intake"), stack.AdminToken);
        using var gateway = BenchHttp.Create(stack.UrlOf("gateway"), stack.AdminToken);
        var id = await HelpRequests.RegisterAsync(gateway, withVolunteer: false) ?? throw new InvalidOperationException("Registering a help request to read failed.");

        var endpoints = new (string Name, string Path, HttpStatusCode Expected)[]
        {
            // A handler that answers from its own rule, with no database and no audit line.
            ("trivial", "/api/intake/quick-questions/counts?from=2026-02-01&to=2026-01-01", HttpStatusCode.BadRequest),
            ("database read", $"/api/intake/help-requests/{id}", HttpStatusCode.OK),
        };
        var figures = new List<Figure>();
        var panels = new List<Panel>();
        foreach (var (name, path, expected) in endpoints)
        {
            Func<Task<string?>> Call(HttpClient client) => async () =>
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                return response.StatusCode == expected ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            };
            var callDirect = Call(direct);
            var callGateway = Call(gateway);
            Console.WriteLine($"  gateway overhead, {name}: warm-up");
            await Load.ClosedLoopAsync(callDirect, options.Concurrency, TimeSpan.FromSeconds(2));
            await Load.ClosedLoopAsync(callGateway, options.Concurrency, TimeSpan.FromSeconds(2));

            var runs = new List<Run>();
            for (var run = 0; run < options.Runs; run++)
            {
                // Alternate which goes first, so a drift in the machine's load does not favour one side.
                var gatewayFirst = run % 2 == 1;
                var (maxDirect, maxGateway) = await PairAsync(gatewayFirst, () => Load.ClosedLoopAsync(callDirect, options.Concurrency, options.Phase), () => Load.ClosedLoopAsync(callGateway, options.Concurrency, options.Phase));
                var rate = Math.Max(1, maxGateway.Throughput / 2);
                var (atDirect, atGateway) = await PairAsync(gatewayFirst, () => Load.OpenLoopAsync(callDirect, rate, options.Phase), () => Load.OpenLoopAsync(callGateway, rate, options.Phase));
                runs.Add(new Run(maxDirect, maxGateway, rate, atDirect, atGateway));
                Console.WriteLine($"  gateway overhead, {name}, run {run + 1}: {maxDirect.Throughput:0} vs {maxGateway.Throughput:0} req/s; at {rate:0}/s p50 {atDirect.P50:0.00} vs {atGateway.P50:0.00} ms");
            }

            figures.Add(Figure.Median(Group, $"{name}: max throughput direct", "req/s", runs.Select(r => r.MaxDirect.Throughput)));
            figures.Add(Figure.Median(Group, $"{name}: max throughput via gateway", "req/s", runs.Select(r => r.MaxGateway.Throughput)));
            figures.Add(Figure.Median(Group, $"{name}: throughput ratio gateway / direct (target ≥ {(name == "trivial" ? "0.45" : "0.8")})", "×", runs.Select(r => r.MaxGateway.Throughput / r.MaxDirect.Throughput)));
            figures.Add(Figure.Median(Group, $"{name}: half of gateway max (open-loop rate)", "req/s", runs.Select(r => r.Rate)));
            figures.Add(Figure.Median(Group, $"{name}: p50 direct at half max", "ms", runs.Select(r => r.AtDirect.P50)));
            figures.Add(Figure.Median(Group, $"{name}: p50 via gateway at half max", "ms", runs.Select(r => r.AtGateway.P50)));
            figures.Add(Figure.Median(Group, $"{name}: p99 direct at half max", "ms", runs.Select(r => r.AtDirect.P99)));
            figures.Add(Figure.Median(Group, $"{name}: p99 via gateway at half max", "ms", runs.Select(r => r.AtGateway.P99)));
            figures.Add(Figure.Median(Group, $"{name}: added p50 at half max (target < 1.5 ms)", "ms", runs.Select(r => r.AtGateway.P50 - r.AtDirect.P50)));
            var phases = runs.SelectMany(r => new[] { r.MaxDirect, r.MaxGateway, r.AtDirect, r.AtGateway }).ToList();
            if (phases.Sum(p => p.Failed) is var failed and > 0)
            {
                figures.Add(new Figure(Group, $"{name}: calls not answered {(int)expected}, all runs ({Load.Reasons(phases)})", failed, "calls"));
            }
        }

        double M(string name) => figures.Single(f => f.Name == name).Value;
        string[] series = ["direct", "via gateway"];
        panels.Add(new Panel("Maximum throughput (closed loop)", "req/s", ["trivial", "database read"], series,
            [[M("trivial: max throughput direct"), M("trivial: max throughput via gateway")], [M("database read: max throughput direct"), M("database read: max throughput via gateway")]]));
        panels.Add(new Panel("Latency at half the gateway's maximum (open loop)", "ms", ["trivial p50", "trivial p99", "database read p50", "database read p99"], series,
            [[M("trivial: p50 direct at half max"), M("trivial: p50 via gateway at half max")], [M("trivial: p99 direct at half max"), M("trivial: p99 via gateway at half max")],
             [M("database read: p50 direct at half max"), M("database read: p50 via gateway at half max")], [M("database read: p99 direct at half max"), M("database read: p99 via gateway at half max")]]));
        return new FigureSet("gateway", "1. Gateway overhead: intake directly and through the gateway", figures, panels);
    }

    private static async Task<(LoadResult Direct, LoadResult Gateway)> PairAsync(bool gatewayFirst, Func<Task<LoadResult>> direct, Func<Task<LoadResult>> gateway)
    {
        if (gatewayFirst)
        {
            var g = await gateway();
            return (await direct(), g);
        }
        var d = await direct();
        return (d, await gateway());
    }

    private sealed record Run(LoadResult MaxDirect, LoadResult MaxGateway, double Rate, LoadResult AtDirect, LoadResult AtGateway);
}
