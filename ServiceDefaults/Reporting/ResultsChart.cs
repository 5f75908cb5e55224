using System.Globalization;
using System.Security;
using System.Text;

namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// One figure as a plain SVG bar chart, a bar per month, team and breakdown, that any browser opens:
/// no script, no external font or style, every text escaped. A hidden cell has no bar, only its mark.
/// </summary>
public static class ResultsChart
{
    public const string ContentType = "image/svg+xml";

    private const int LabelWidth = 360;
    private const int BarWidth = 400;
    private const int RowHeight = 22;
    private const int Top = 56;

    public static string Render(ResultFigure figure, MonthRange range, IReadOnlyList<ResultRow> rows)
    {
        var bars = rows.Where(r => r.Figure == figure.Name && r.Breakdown != SmallCells.Total).ToList();
        var largest = Math.Max(1, bars.Max(r => r.Count) ?? 1);
        var height = Top + Math.Max(1, bars.Count) * RowHeight + 40;
        var width = LabelWidth + BarWidth + 80;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"sans-serif\" font-size=\"13\">"));
        svg.Append(Invariant($"<title>{Escape(figure.Title)} ({range.From} – {range.To})</title>"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        svg.Append(Invariant($"<text x=\"16\" y=\"28\" font-size=\"17\" font-weight=\"bold\">{Escape(figure.Title)}</text>"));
        svg.Append(Invariant($"<text x=\"16\" y=\"46\" fill=\"#555555\">{Escape(figure.Name)} · {range.From} – {range.To} · &lt;5 and x: hidden small numbers</text>"));
        if (bars.Count == 0)
        {
            svg.Append(Invariant($"<text x=\"16\" y=\"{Top + 16}\">No counts in these months.</text>"));
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * RowHeight;
            svg.Append(Invariant($"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Escape($"{bar.Month} · {bar.Team} · {bar.Breakdown}")}</text>"));
            var length = bar.Count is { } count ? Math.Max(1, (int)(count * BarWidth / largest)) : 0;
            if (length > 0)
            {
                svg.Append(Invariant($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{RowHeight - 6}\" fill=\"#2b6cb0\"/>"));
            }
            svg.Append(Invariant($"<text x=\"{LabelWidth + length + 6}\" y=\"{y + 15}\">{Escape(bar.Shown)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    // XML 1.0 has no place for control characters, even escaped.
    private static string Escape(string text) => SecurityElement.Escape(new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]))!;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
