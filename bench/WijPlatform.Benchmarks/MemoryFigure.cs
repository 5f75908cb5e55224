namespace WijPlatform.Benchmarks;

/// <summary>Figure 6: resident memory of each resource, idle after start-up and at its peak under the load of figures 1 to 3.</summary>
public static class MemoryFigure
{
    private const string Group = "6 memory";

    /// <summary>Several samples after the stack has been quiet for a few seconds; the median per resource.</summary>
    public static async Task<Dictionary<string, List<double>>> IdleAsync(RunningStack stack, int samples)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = new Dictionary<string, List<double>>();
        for (var i = 0; i < samples; i++)
        {
            foreach (var (name, megabytes) in Memory.Sample(stack))
            {
                (idle.TryGetValue(name, out var list) ? list : idle[name] = []).Add(megabytes);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        return idle;
    }

    public static FigureSet Create(Dictionary<string, List<double>> idle, Dictionary<string, double> peak, string load)
    {
        var figures = new List<Figure>();
        foreach (var name in idle.Keys)
        {
            figures.Add(Figure.Median(Group, $"{name}: idle", "MB", idle[name]));
            figures.Add(new Figure(Group, $"{name}: peak under load", peak.GetValueOrDefault(name, double.NaN), "MB"));
        }
        var panels = new List<Panel>
        {
            new($"Resident memory, idle and peak under load ({load})", "MB", [.. idle.Keys], ["idle", "under load"],
                [.. idle.Keys.Select(n => new[] { Statistics.Median(idle[n]), peak.GetValueOrDefault(n, double.NaN) })]),
        };
        return new FigureSet("memory", "6. Memory: resident memory of each service, from /proc", figures, panels);
    }
}
