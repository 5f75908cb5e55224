using System.Globalization;
using System.Text;
using WijPlatform.Hosting;

namespace WijPlatform.Benchmarks;

/// <summary>The machine a run measured on, and the table and plots it writes.</summary>
public static class Report
{
    private static readonly string[] Order = ["gateway", "write", "messaging", "matching", "startup", "memory"];

    public static string Machine()
    {
        static string? Field(string file, string prefix) =>
            File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim().Trim('"') : null;
        var cpu = Field("/proc/cpuinfo", "model name")?.TrimStart(':', ' ') ?? "unknown CPU";
        var memory = Field("/proc/meminfo", "MemTotal:") is { } kb ? double.Parse(kb.Split(' ')[0], CultureInfo.InvariantCulture) / 1024 / 1024 : double.NaN;
        var os = Field("/etc/os-release", "PRETTY_NAME=") ?? Environment.OSVersion.ToString();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {memory:0.0} GiB memory, {os}, .NET {Environment.Version}, Release");
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Write(IReadOnlyList<FigureSet> sets, BenchOptions options, string machine, DateTime started, string loadBefore)
    {
        var ordered = sets.OrderBy(s => Array.IndexOf(Order, s.Key)).ToList();
        var elapsed = DateTime.UtcNow - started;
        var heading = string.Create(CultureInfo.InvariantCulture,
            $"WijPlatform benchmarks, {started:yyyy-MM-dd HH:mm} UTC; {machine}; each figure the median of {options.Runs} runs after a warm-up; load average before {loadBefore}, after {LoadAverage()}; took {elapsed.TotalMinutes:0.0} min.");
        var table = new StringBuilder();
        table.AppendLine(heading).AppendLine();
        table.AppendLine("| figure | measure | median | runs (min – max) | unit |");
        table.AppendLine("|---|---|---:|---:|---|");
        foreach (var figure in ordered.SelectMany(s => s.Figures))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Group} | {figure.Name} | {figure.Formatted} | {figure.Spread} | {figure.Unit} |");
        }

        var folder = options.Output ?? Path.Combine(RepositoryRoot.Find(), "bench", "results", started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var subtitle = string.Create(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd} · {Environment.ProcessorCount} cores, load average {loadBefore.Split(' ')[0]} at the start · median of {options.Runs} runs");
        foreach (var set in ordered)
        {
            File.WriteAllText(Path.Combine(folder, set.Key + ".svg"), Svg.Chart(set.Title, subtitle, set.Panels));
        }
        var name = options.Figure == "all" ? "results.md" : $"results-{options.Figure}.md";
        File.WriteAllText(Path.Combine(folder, name), table.ToString() + Environment.NewLine + string.Join(Environment.NewLine, ordered.Select(s => $"![{s.Title}]({s.Key}.svg)")) + Environment.NewLine);
        return $"{table}{Environment.NewLine}Written to {folder}: {name} and {string.Join(", ", ordered.Select(s => s.Key + ".svg"))}";
    }
}
