using System.Globalization;
using WijPlatform.Hosting;

namespace WijPlatform.Benchmarks;

/// <summary>What one wrk phase saw: answers as expected per second, the others by status, and wrk's own latency.</summary>
public sealed record WrkResult(double Throughput, long Expected, long Unexpected, string Reasons, double P50, double P99);

/// <summary>
/// Maximum throughput (closed loop) measured with wrk, Debian's package: a C load generator on one
/// thread, with one event loop, that needs a fraction of the CPU our .NET generator needs for the same
/// rate. On two shared cores a generator that takes most of a core caps what it measures, so the side
/// that answers fastest (the service directly) was measured too low and every ratio looked better
/// than it is. A Lua script counts only the expected status, as <see cref="Load"/> does.
/// </summary>
public static class Wrk
{
    // Per thread: counters in the thread's own Lua state, summed in done() across threads.
    private const string Script = """
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) expected = tonumber(args[1]); good = 0; bad = 0; badstatus = 0 end
        function response(status, headers, body)
          if status == expected then good = good + 1 else bad = bad + 1; badstatus = status end
        end
        function done(summary, latency, requests)
          local g, b, s = 0, 0, 0
          for _, t in ipairs(threads) do
            g = g + t:get("good"); b = b + t:get("bad")
            if t:get("badstatus") ~= 0 then s = t:get("badstatus") end
          end
          local e = summary.errors
          io.write(string.format("WIJ %d %d %d %d %d %.1f %.1f\n", g, b, s, summary.duration,
            e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
        end
        """;

    /// <summary>Installed by <c>./wij bench</c> (apt); the figure says so when it is missing.</summary>
    public static bool IsInstalled => File.Exists("/usr/bin/wrk") || File.Exists("/usr/local/bin/wrk");

    public static async Task<WrkResult> ClosedLoopAsync(Uri url, string? token, int expectedStatus, int connections, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"wij-wrk-{Guid.NewGuid():N}.lua");
        // The token goes into the script (mode 600), not onto a command line that ps shows.
        await File.WriteAllTextAsync(script, (token is null ? "" : $"wrk.headers[\"Authorization\"] = \"Bearer {token}\"\n") + Script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            var result = await CommandRunner.RunAsync("wrk",
                ["-t1", $"-c{connections}", $"-d{(int)Math.Ceiling(duration.TotalSeconds)}s", "--timeout", "10s", "-s", script, url.ToString(), "--", expectedStatus.ToString(CultureInfo.InvariantCulture)],
                timeout: duration + TimeSpan.FromSeconds(30));
            var line = result.Output.Split('\n').FirstOrDefault(l => l.StartsWith("WIJ ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk gave no result (exit {result.ExitCode}): {result.Output}");
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var (good, bad, status, micros, socketErrors) = ((long)f[0], (long)f[1], (int)f[2], f[3], (long)f[4]);
            var reasons = string.Join(", ", new[] { bad > 0 ? $"{status} × {bad}" : null, socketErrors > 0 ? $"socket error × {socketErrors}" : null }.Where(r => r is not null));
            return new WrkResult(good / (micros / 1e6), good, bad + socketErrors, reasons, f[5] / 1000, f[6] / 1000);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
