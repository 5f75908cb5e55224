using WijPlatform.ServiceDefaults.Reporting;

namespace WijPlatform.UnitTests.Reporting;

public sealed class SmallCellsTests
{
    private static readonly ResultFigure ByDomain = new("questions-by-domain", "Questions by domain", Totalled: true);
    private static readonly ResultFigure Cases = new("cases", "Cases opened and closed", Totalled: false);

    private static IReadOnlyList<ResultRow> Suppress(ResultFigure figure, params (string Breakdown, long Count)[] cells) =>
        SmallCells.Suppress(cells.Select(c => new ResultCount("2026-03", "Groningen Oost", figure.Name, c.Breakdown, c.Count)), [ByDomain, Cases]);

    private static Dictionary<string, string> Shown(IReadOnlyList<ResultRow> rows) => rows.ToDictionary(r => r.Breakdown, r => r.Shown);

    [Fact]
    public void A_count_under_five_is_shown_as_less_than_five_and_carries_no_number()
    {
        var rows = Suppress(Cases, ("opened", 4), ("closed", 5));
        Assert.Equal(new Dictionary<string, string> { ["opened"] = "<5", ["closed"] = "5" }, Shown(rows));
        Assert.Null(rows.Single(r => r.Breakdown == "opened").Count);
        Assert.Equal(5, rows.Single(r => r.Breakdown == "closed").Count);
    }

    [Fact]
    public void One_small_cell_beside_a_total_hides_the_next_smallest_so_the_total_does_not_give_it_back()
    {
        var shown = Shown(Suppress(ByDomain, ("wonen", 6), ("zorg", 3), ("welzijn", 5)));
        Assert.Equal(new Dictionary<string, string> { ["wonen"] = "6", ["zorg"] = "<5", ["welzijn"] = "x", ["total"] = "14" }, shown);
    }

    [Fact]
    public void Two_small_cells_whose_sum_pins_them_both_hide_one_more()
    {
        // 1 + 1 = 2 can only be two ones; 4 + 4 = 8 only two fours.
        Assert.Equal("x", Shown(Suppress(ByDomain, ("wonen", 9), ("zorg", 1), ("werk", 1), ("welzijn", 7)))["welzijn"]);
        Assert.Equal("x", Shown(Suppress(ByDomain, ("wonen", 9), ("zorg", 4), ("werk", 4), ("welzijn", 7)))["welzijn"]);
        // 1 + 3 could be 2 + 2: nothing more to hide.
        Assert.Equal("7", Shown(Suppress(ByDomain, ("wonen", 9), ("zorg", 1), ("werk", 3), ("welzijn", 7)))["welzijn"]);
    }

    [Fact]
    public void When_nothing_is_left_to_hide_the_total_is_hidden()
    {
        // Hiding the 5 beside the 1 still pins both (1 + 5 = 6 is the least they can be): the total goes.
        var shown = Shown(Suppress(ByDomain, ("wonen", 5), ("zorg", 1)));
        Assert.Equal(new Dictionary<string, string> { ["wonen"] = "x", ["zorg"] = "<5", ["total"] = "x" }, shown);
        Assert.Equal("<5", Shown(Suppress(ByDomain, ("wonen", 2), ("zorg", 1)))["total"]);
    }

    [Theory]
    [InlineData(new long[] { 6, 3, 5 })]
    [InlineData(new long[] { 9, 1, 1, 7 })]
    [InlineData(new long[] { 9, 4, 4, 7, 12 })]
    [InlineData(new long[] { 5, 1 })]
    [InlineData(new long[] { 20, 2, 30, 6, 6 })]
    public void No_hidden_cell_can_be_worked_out_from_what_is_shown(long[] counts)
    {
        var rows = Suppress(ByDomain, [.. counts.Select((c, i) => ($"d{i}", c))]);
        var total = rows.Single(r => r.Breakdown == "total");
        var cells = rows.Where(r => r.Breakdown != "total").ToList();
        var hidden = cells.Where(r => r.Count is null).ToList();
        Assert.All(cells, r => Assert.True(r.Count is null or >= 5));
        if (total.Count is { } shownTotal && hidden.Count > 0)
        {
            // Every way to fill the hidden cells within what a reader knows of them: each cell takes more than one value.
            var rest = shownTotal - cells.Sum(r => r.Count ?? 0);
            var ceiling = cells.Where(r => r.Count is not null).Select(r => r.Count!.Value).DefaultIfEmpty(rest).Min();
            var ranges = hidden.Select(r => r.Shown == "<5" ? Enumerable.Range(1, 4) : Enumerable.Range(5, (int)Math.Max(0, ceiling - 4))).ToList();
            var fillings = ranges.Aggregate((IEnumerable<int[]>)[[]], (acc, range) => acc.SelectMany(a => range.Select(v => (int[])[.. a, v])))
                .Where(f => f.Sum() == rest).ToList();
            Assert.All(Enumerable.Range(0, hidden.Count), i => Assert.True(fillings.Select(f => f[i]).Distinct().Count() > 1, $"{hidden[i].Breakdown} is pinned"));
        }
    }

    private static readonly ResultFigure Hours = new("volunteer-hours", "Hours given by volunteers, by talent", Totalled: true);

    private static Dictionary<string, string> HoursShown(long peopleBehindTotal, params (string Talent, long Hours, long People)[] cells) =>
        Shown(SmallCells.Suppress(
            cells.Select(c => new ResultCount("2026-03", "Zeist Noord", Hours.Name, c.Talent, c.Hours, c.People))
                .Append(new ResultCount("2026-03", "Zeist Noord", Hours.Name, SmallCells.Total, cells.Sum(c => c.Hours), peopleBehindTotal)),
            [Hours]));

    [Fact]
    public void Hours_given_by_fewer_than_five_volunteers_are_hidden_however_many_hours_they_are()
    {
        // 12 hours of walking are one volunteer's: hidden, and one more cell so the total cannot give them back.
        Assert.Equal(
            new Dictionary<string, string> { ["walk"] = "x", ["shopping"] = "x", ["odd-jobs"] = "30", ["total"] = "62" },
            HoursShown(14, ("walk", 12, 1), ("shopping", 20, 6), ("odd-jobs", 30, 8)));
    }

    [Fact]
    public void The_total_of_hours_is_hidden_when_fewer_than_five_volunteers_gave_them_all()
    {
        // Two cells of two volunteers each, but the same three people in both: 70 hours of three people.
        Assert.Equal(
            new Dictionary<string, string> { ["walk"] = "x", ["shopping"] = "x", ["total"] = "x" },
            HoursShown(3, ("walk", 40, 2), ("shopping", 30, 2)));
        Assert.Equal("70", HoursShown(5, ("walk", 40, 5), ("shopping", 30, 5))["total"]);
    }
}
