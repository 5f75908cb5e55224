using System.Globalization;

namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// Small-cell suppression: a count under the threshold could point to a person in a small
/// neighbourhood, so it is published as "&lt;5". In a totalled figure, hiding one cell is not enough
/// (total minus the other cells gives it back): more cells are hidden, smallest first, until no
/// hidden cell can be worked out from the total and what a reader knows of hidden cells (a small one
/// lies in 1–4; one hidden beside it is at least the threshold and at most the smallest cell still
/// shown). When no cell is left to hide, the total is hidden instead. A cell of hours (or any
/// amount) is hidden as "x" when fewer than the threshold of people are behind it, whatever the
/// amount: 12 hours in a small neighbourhood may be one volunteer's.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;
    public const string Small = "<5";
    public const string Hidden = "x";
    public const string Total = "total";

    public static IReadOnlyList<ResultRow> Suppress(IEnumerable<ResultCount> counts, IReadOnlyCollection<ResultFigure> figures)
    {
        var totalled = figures.Where(f => f.Totalled).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ResultRow>();
        var groups = counts.Where(c => c.Count > 0)
            .GroupBy(c => (c.Month, c.Team, c.Figure))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Team, StringComparer.Ordinal).ThenBy(g => g.Key.Figure, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var people = group.Where(c => c.Breakdown == Total).Select(c => c.People).FirstOrDefault();
            var cells = group.Where(c => c.Breakdown != Total).GroupBy(c => c.Breakdown, StringComparer.Ordinal)
                .Select(b => new Cell(b.Key, b.Sum(c => c.Count), b.Any(c => c.People is not null) ? b.Sum(c => c.People ?? 0) : (long?)null))
                // In name order, so that of two equal cells the same one is hidden every time.
                .OrderBy(c => c.Breakdown, StringComparer.Ordinal).ToList();
            var amounts = cells.Any(c => c.People is not null);
            var total = cells.Sum(c => c.Count);
            var totalShown = totalled.Contains(group.Key.Figure) ? Protect(cells, total, amounts ? people ?? 0 : total) : (bool?)null;
            var (month, team, figure) = group.Key;
            rows.AddRange(cells.Select(c => Row(month, team, figure, c.Breakdown, c.Count, c.Mark)));
            if (totalShown is { } shown)
            {
                rows.Add(Row(month, team, figure, Total, total, shown ? null : !amounts && total < Threshold ? Small : Hidden));
            }
        }
        return rows;
    }

    /// <summary>Hides cells until none can be recovered from the total; false when the total itself must be hidden.</summary>
    /// <param name="behindTotal">How many people (or, for a count, how many counted) are behind the total.</param>
    private static bool Protect(List<Cell> cells, long total, long behindTotal)
    {
        if (behindTotal < Threshold)
        {
            return false;
        }
        while (Recoverable(cells, total))
        {
            var next = cells.Where(c => c.Mark is null).MinBy(c => c.Count);
            if (next is null)
            {
                return false;
            }
            next.Mark = Hidden;
        }
        return true;
    }

    private static bool Recoverable(List<Cell> cells, long total)
    {
        var hidden = cells.Where(c => c.Mark is not null).ToList();
        if (hidden.Count == 0)
        {
            return false;
        }
        var shown = cells.Where(c => c.Mark is null).ToList();
        var sum = total - shown.Sum(c => c.Count);
        var ceiling = shown.Count > 0 ? shown.Min(c => c.Count) : sum;
        // An amount hidden for its few people can be anything from 1 to what is left of the total.
        var bounds = hidden.Select(c => c.People is not null ? (Low: 1L, High: sum)
            : c.Mark == Small ? (Low: 1L, High: Threshold - 1L) : (Low: (long)Threshold, High: ceiling)).ToList();
        var lows = bounds.Sum(b => b.Low);
        var highs = bounds.Sum(b => b.High);
        // A cell is pinned when the sum of the others' bounds leaves it one value only.
        return bounds.Any(b => Math.Max(b.Low, sum - (highs - b.High)) >= Math.Min(b.High, sum - (lows - b.Low)));
    }

    private static ResultRow Row(string month, string team, string figure, string breakdown, long count, string? mark) =>
        new(month, team, figure, breakdown, mark is null ? count : null, mark ?? count.ToString(CultureInfo.InvariantCulture));

    private sealed class Cell(string breakdown, long count, long? people)
    {
        public string Breakdown { get; } = breakdown;

        public long Count { get; } = count;

        public long? People { get; } = people;

        public string? Mark { get; set; } = people is { } behind ? (behind < Threshold ? Hidden : null) : count < Threshold ? Small : null;
    }
}
