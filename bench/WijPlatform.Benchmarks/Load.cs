using System.Diagnostics;

namespace WijPlatform.Benchmarks;

/// <summary>What one load phase saw: latency of every answered call, how many were sent and failed, and for how long.</summary>
public sealed record LoadResult(IReadOnlyList<double> Latencies, int Sent, IReadOnlyDictionary<string, int> Failures, TimeSpan Elapsed)
{
    public int Failed => Failures.Values.Sum();

    public double Throughput => (Sent - Failed) / Elapsed.TotalSeconds;

    public double P50 => Statistics.Percentile(Latencies, 50);

    public double P99 => Statistics.Percentile(Latencies, 99);
}

/// <summary>
/// Two ways to load a system. Open loop: calls start at a fixed rate whatever the answers' speed, and
/// latency counts from the moment a call was due, so a slow system shows as latency instead of
/// quietly lowering the rate (coordinated omission). Closed loop: a fixed number of callers each
/// start the next call when the last one answered, which finds the maximum throughput.
/// </summary>
public static class Load
{
    /// <summary>A call returns null when the answer is the expected one, else why not (a status code).</summary>
    public static async Task<LoadResult> OpenLoopAsync(Func<Task<string?>> call, double rate, TimeSpan duration)
    {
        var count = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var calls = new List<Task<(string? Failure, double Latency)>>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            calls.Add(TimedAsync(call, clock, due));
        }
        var results = await Task.WhenAll(calls);
        return Summarise(results, duration);
    }

    public static async Task<LoadResult> ClosedLoopAsync(Func<Task<string?>> call, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        async Task<List<(string?, double)>> Caller()
        {
            await Task.Yield();
            var results = new List<(string?, double)>();
            while (clock.Elapsed < duration)
            {
                results.Add(await TimedAsync(call, clock, clock.Elapsed));
            }
            return results;
        }
        var all = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Caller()));
        return Summarise(all.SelectMany(r => r).ToArray(), clock.Elapsed);
    }

    private static async Task<(string?, double)> TimedAsync(Func<Task<string?>> call, Stopwatch clock, TimeSpan due)
    {
        string? failure;
        try
        {
            failure = await call();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Npgsql.NpgsqlException)
        {
            failure = ex is TaskCanceledException ? "timeout" : ex.GetType().Name;
        }
        return (failure, (clock.Elapsed - due).TotalMilliseconds);
    }

    private static LoadResult Summarise((string? Failure, double Latency)[] results, TimeSpan elapsed) =>
        new(results.Where(r => r.Failure is null).Select(r => r.Latency).ToList(), results.Length,
            results.Where(r => r.Failure is not null).GroupBy(r => r.Failure!).ToDictionary(g => g.Key, g => g.Count()), elapsed);

    /// <summary>Why calls failed over several phases, as "503 × 12, timeout × 3".</summary>
    public static string Reasons(IEnumerable<LoadResult> results) =>
        string.Join(", ", results.SelectMany(r => r.Failures).GroupBy(f => f.Key).OrderByDescending(g => g.Sum(f => f.Value)).Select(g => $"{g.Key} × {g.Sum(f => f.Value)}"));
}
