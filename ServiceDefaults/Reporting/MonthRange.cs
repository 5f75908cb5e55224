using System.Globalization;
using WijPlatform.Contracts.Vocabulary;

namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// The months a results query covers (?from=2026-01&amp;to=2026-06), Amsterdam months, at most
/// <see cref="MaxMonths"/> so that an answer stays bounded. Queries filter on [<see cref="StartUtc"/>, <see cref="EndUtc"/>).
/// </summary>
public sealed record MonthRange(DateOnly First, DateOnly Last)
{
    public const int MaxMonths = 12;

    public string From => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string To => Last.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public DateTime StartUtc => Amsterdam.ToUtc(First.ToDateTime(TimeOnly.MinValue));

    public DateTime EndUtc => Amsterdam.ToUtc(Last.AddMonths(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The first day of the month after the range, for columns that hold a date rather than a moment.</summary>
    public DateOnly EndDate => Last.AddMonths(1);

    /// <summary>The range, or the field and what is wrong with it.</summary>
    public static (MonthRange? Range, string Field, string Error) Parse(string? from, string? to)
    {
        if (!TryMonth(from, out var first))
        {
            return (null, "from", "Give the first month as yyyy-MM, such as 2026-01.");
        }
        if (!TryMonth(to, out var last))
        {
            return (null, "to", "Give the last month as yyyy-MM, such as 2026-06.");
        }
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        return months switch
        {
            < 1 => (null, "to", "Choose 'to' in or after the month of 'from'."),
            > MaxMonths => (null, "to", $"Ask for at most {MaxMonths} months at a time."),
            _ => (new MonthRange(first, last), "", ""),
        };
    }

    private static bool TryMonth(string? text, out DateOnly month)
    {
        var ok = DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
        return ok && month.Year is >= 2000 and <= 2100;
    }
}
