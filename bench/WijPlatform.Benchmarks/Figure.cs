using System.Globalization;

namespace WijPlatform.Benchmarks;

/// <summary>One measured figure: what, the median over the runs, in which unit, and every run's value (to show the spread).</summary>
public sealed record Figure(string Group, string Name, double Value, string Unit)
{
    public IReadOnlyList<double> Runs { get; init; } = [Value];

    public static Figure Median(string group, string name, string unit, IEnumerable<double> runs)
    {
        var values = runs.ToList();
        return new Figure(group, name, Statistics.Median(values), unit) { Runs = values };
    }

    public string Formatted => Format(Value);

    public string Spread => Runs.Count < 2 ? "" : $"{Format(Runs.Min())} – {Format(Runs.Max())}";

    public static string Format(double value) => double.IsNaN(value) ? "–"
        : value.ToString(Math.Abs(value) >= 100 ? "#,0" : Math.Abs(value) >= 10 ? "0.0" : Math.Abs(value) >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);
}
