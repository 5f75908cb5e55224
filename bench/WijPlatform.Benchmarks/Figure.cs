using System.Globalization;

namespace WijPlatform.Benchmarks;

/// <summary>One measured figure: what, how much, in which unit.</summary>
public sealed record Figure(string Group, string Name, double Value, string Unit)
{
    public string Formatted => Value.ToString(Value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
