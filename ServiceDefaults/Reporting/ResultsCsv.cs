using System.Text;

namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// The rows as CSV (RFC 4180, UTF-8, invariant culture): month,team,figure,breakdown,count, where
/// count is what a reader sees ("12", "&lt;5", "x"). A text that a spreadsheet would run as a formula
/// (a partner's name starting with "=") is written with a leading apostrophe.
/// </summary>
public static class ResultsCsv
{
    public const string ContentType = "text/csv";

    public static string Write(IEnumerable<ResultRow> rows)
    {
        var csv = new StringBuilder("month,team,figure,breakdown,count\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', [Field(row.Month), Field(row.Team), Field(row.Figure), Field(row.Breakdown), Field(row.Shown)]).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
