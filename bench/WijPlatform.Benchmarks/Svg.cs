using System.Globalization;
using System.Security;
using System.Text;

namespace WijPlatform.Benchmarks;

/// <summary>One panel of a chart: for each category (a row) one horizontal bar per series.</summary>
public sealed record Panel(string Title, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<string> Series, double[][] Values, bool LogScale = false);

/// <summary>Small hand-written SVG bar charts, one file per figure, readable without any package.</summary>
public static class Svg
{
    private static readonly string[] Colours = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"];
    private const int Width = 720;
    private const int LabelWidth = 200;
    private const int BarArea = 400;
    private const int BarHeight = 14;

    public static string Chart(string title, string subtitle, IReadOnlyList<Panel> panels)
    {
        var body = new StringBuilder();
        var y = 48;
        foreach (var panel in panels)
        {
            y = DrawPanel(body, panel, y) + 16;
        }
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{y}" viewBox="0 0 {Width} {y}" font-family="sans-serif" font-size="12">""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{y}" fill="white"/>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="12" y="20" font-size="15" font-weight="bold">{Escape(title)}</text>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="12" y="37" fill="#555">{Escape(subtitle)}</text>""").AppendLine();
        svg.Append(body);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static int DrawPanel(StringBuilder svg, Panel panel, int top)
    {
        var values = panel.Values.SelectMany(v => v).Where(v => !double.IsNaN(v) && v > 0).DefaultIfEmpty(1).ToArray();
        var max = values.Max();
        var min = values.Min();
        // On a log scale the bars start one decade below the smallest value, so every bar is visible.
        var logFloor = Math.Floor(Math.Log10(min)) - 1;
        var logCeiling = Math.Ceiling(Math.Log10(max));
        double Length(double value) => double.IsNaN(value) || value <= 0 ? 0
            : panel.LogScale ? BarArea * (Math.Log10(value) - logFloor) / (logCeiling - logFloor)
            : BarArea * value / max;

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="12" y="{top + 12}" font-weight="bold">{Escape(panel.Title)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - 12}" y="{top + 12}" text-anchor="end" fill="#555">{Escape(panel.Unit + (panel.LogScale ? ", log scale" : ""))}</text>""").AppendLine();
        var legendX = 12;
        for (var s = 0; s < panel.Series.Count; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{legendX}" y="{top + 20}" width="10" height="10" fill="{Colours[s % Colours.Length]}"/><text x="{legendX + 14}" y="{top + 29}">{Escape(panel.Series[s])}</text>""");
            legendX += 24 + (int)(panel.Series[s].Length * 6.5);
        }
        svg.AppendLine();
        var y = top + 40;
        for (var c = 0; c < panel.Categories.Count; c++)
        {
            var rowHeight = panel.Series.Count * (BarHeight + 2);
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth - 8}" y="{y + rowHeight / 2 + 4}" text-anchor="end">{Escape(panel.Categories[c])}</text>""").AppendLine();
            for (var s = 0; s < panel.Series.Count; s++)
            {
                var value = panel.Values[c][s];
                var length = Length(value);
                var barY = y + s * (BarHeight + 2);
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{barY}" width="{length:0.0}" height="{BarHeight}" fill="{Colours[s % Colours.Length]}"/>""");
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth + length + 4:0.0}" y="{barY + BarHeight - 3}" fill="#333">{Escape(Figure.Format(value))}</text>""").AppendLine();
            }
            y += rowHeight + 8;
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{LabelWidth}" y1="{top + 36}" x2="{LabelWidth}" y2="{y - 4}" stroke="#999"/>""").AppendLine();
        return y;
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
