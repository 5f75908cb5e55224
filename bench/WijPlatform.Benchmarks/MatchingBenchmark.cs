using System.Diagnostics;
using System.Globalization;
using WijPlatform.Matching.Model;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 4. Ranking is matching's hot path. For N volunteers and N open requests (generated over the
/// Groningen and Zeist postcode table) it measures: building the index, ranking one request
/// (median and 95th percentile over many requests, after warm-up), and proposing the best
/// candidate for every open request in urgency order, each proposal adding load.
/// </summary>
public static class MatchingBenchmark
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private const string Group = "4 matching scale";

    public static FigureSet Run(BenchOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var sizes = options.Sizes;
        Console.WriteLine(string.Create(c, $"  matching: {PostcodeMap.Shipped.Areas.Count} PC4 areas, single-threaded, in process"));
        Console.WriteLine("  | volunteers = requests | build index | rank one: median | rank one: p95 | weighed per rank | propose all open | same, CPU time | proposed | per request |");
        Console.WriteLine("  |---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var figures = new List<Figure>();
        foreach (var size in sizes)
        {
            var volunteers = new SyntheticPopulation(PostcodeMap.Shipped, seed: 1).Volunteers(size, Today).ToArray();
            var requests = new SyntheticPopulation(PostcodeMap.Shipped, seed: 2).Requests(size, Now).ToArray();

            var build = Stopwatch.StartNew();
            var index = Build(volunteers);
            build.Stop();

            var rankRuns = Enumerable.Range(0, options.Runs).Select(_ => RankOne(index, requests)).ToList();
            var (median, p95, weighed) = rankRuns.OrderBy(r => r.Median).ElementAt(rankRuns.Count / 2);

            // Wall time, and the process's CPU time: on a shared machine the second shows what the work itself costs.
            var runs = new List<(TimeSpan Time, TimeSpan Cpu, int Proposed)>();
            for (var run = 0; run < options.Runs; run++)
            {
                var fresh = Build(volunteers);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var proposals = MatchPlanner.ProposeAll(fresh, requests, Today, ranked => ranked.Count > 0 ? ranked[0] : null);
                clock.Stop();
                runs.Add((clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, proposals.Count));
            }
            var all = runs.OrderBy(r => r.Time).ElementAt(runs.Count / 2);

            Console.WriteLine(string.Create(c,
                $"  | {size:N0} | {build.Elapsed.TotalMilliseconds:0} ms | {median * 1000:0.0} µs | {p95 * 1000:0.0} µs | {weighed:0} | {all.Time.TotalMilliseconds:0} ms | {all.Cpu.TotalMilliseconds:0} ms | {all.Proposed:N0} | {all.Time.TotalMicroseconds / size:0.0} µs |"));
            var label = Size(size);
            figures.Add(Figure.Median(Group, $"rank one request, median, {label}", "µs", rankRuns.Select(r => r.Median * 1000)));
            figures.Add(Figure.Median(Group, $"propose for all open requests, {label}", "ms", runs.Select(r => r.Time.TotalMilliseconds)));
            figures.Add(Figure.Median(Group, $"propose for all, CPU time, {label}", "ms", runs.Select(r => r.Cpu.TotalMilliseconds)));
        }
        var categories = sizes.Select(Size).ToList();
        var panels = new List<Panel>
        {
            new("Rank one request (median)", "µs", categories, ["rank one"],
                [.. sizes.Select(s => new[] { figures.Single(f => f.Name == $"rank one request, median, {Size(s)}").Value })], LogScale: true),
            new("Propose for all open requests", "ms", categories, ["wall time", "CPU time"],
                [.. sizes.Select(s => new[] { figures.Single(f => f.Name == $"propose for all open requests, {Size(s)}").Value, figures.Single(f => f.Name == $"propose for all, CPU time, {Size(s)}").Value })], LogScale: true),
        };
        return new FigureSet("matching", "4. Matching scale: ranking in process, N volunteers and N open requests", figures, panels);
    }

    private static string Size(int size) => size >= 1000 && size % 1000 == 0 ? $"{size / 1000}k" : size.ToString(CultureInfo.InvariantCulture);

    private static CandidateIndex Build(Volunteer[] volunteers)
    {
        var index = new CandidateIndex(PostcodeMap.Shipped);
        foreach (var volunteer in volunteers)
        {
            index.Add(volunteer);
        }
        return index;
    }

    /// <summary>Ranks many different requests one at a time; returns milliseconds (median, p95) and volunteers weighed per ranking.</summary>
    private static (double Median, double P95, double Weighed) RankOne(CandidateIndex index, VolunteerRequest[] requests)
    {
        var sample = requests.Take(Math.Min(2_000, requests.Length)).Select(r => new RankingQuery(r, Today)).ToArray();
        foreach (var query in sample.Take(500))
        {
            index.Rank(query);
        }
        var before = index.Weighed;
        var times = new double[sample.Length];
        for (var i = 0; i < sample.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Rank(sample[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[times.Length / 2], times[(int)(times.Length * 0.95)], (double)(index.Weighed - before) / sample.Length);
    }
}
