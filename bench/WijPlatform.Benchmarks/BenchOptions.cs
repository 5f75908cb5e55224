namespace WijPlatform.Benchmarks;

/// <summary>The command line: which figure, how many measured runs, how long each load phase lasts.</summary>
public sealed record BenchOptions
{
    public string Figure { get; init; } = "all";

    /// <summary>Measured runs per figure; the table shows their median.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Length of one load phase (open or closed loop).</summary>
    public TimeSpan Phase { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Callers in a closed loop (maximum throughput).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>The fixed rate of the write path's latency figure.</summary>
    public int WriteRate { get; init; } = 50;

    public int MessageRate { get; init; } = 200;

    public TimeSpan MessagePhase { get; init; } = TimeSpan.FromSeconds(5);

    public int Burst { get; init; } = 2000;

    public int[] Sizes { get; init; } = [1_000, 10_000, 100_000];

    public string? Output { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
        }
        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
        var defaults = new BenchOptions();
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToArray();
        var sizes = positional.Skip(1).Select(p => int.TryParse(p, out var n) ? n : 0).Where(n => n > 0).ToArray();
        return new BenchOptions
        {
            Figure = positional.FirstOrDefault() ?? "all",
            Runs = Math.Max(1, Int("--runs", defaults.Runs)),
            Phase = TimeSpan.FromSeconds(Int("--seconds", (int)defaults.Phase.TotalSeconds)),
            Concurrency = Int("--concurrency", defaults.Concurrency),
            WriteRate = Int("--write-rate", defaults.WriteRate),
            MessageRate = Int("--rate", defaults.MessageRate),
            MessagePhase = TimeSpan.FromSeconds(Int("--message-seconds", (int)defaults.MessagePhase.TotalSeconds)),
            Burst = Int("--burst", defaults.Burst),
            Sizes = sizes.Length > 0 ? sizes : defaults.Sizes,
            Output = Text("--out"),
        };
    }
}

/// <summary>The result of one figure of the issue: its rows in the table and its plot.</summary>
public sealed record FigureSet(string Key, string Title, IReadOnlyList<Figure> Figures, IReadOnlyList<Panel> Panels);
