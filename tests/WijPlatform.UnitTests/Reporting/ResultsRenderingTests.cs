using System.Xml.Linq;
using System.Globalization;
using WijPlatform.ServiceDefaults.Reporting;

namespace WijPlatform.UnitTests.Reporting;

public sealed class ResultsRenderingTests
{
    private static readonly ResultFigure Partners = new("signals-by-partner", "Partner signals by partner", Totalled: true);

    private static readonly ResultRow[] Rows =
    [
        new("2026-01", "Groningen Oost", "signals-by-partner", "Schoonmaak & Zorg, \"Noord\"", 12, "12"),
        new("2026-01", "Groningen Oost", "signals-by-partner", "=HYPERLINK(\"x\")", null, "<5"),
        new("2026-01", "Groningen Oost", "signals-by-partner", "total", 15, "15"),
    ];

    [Fact]
    public void Csv_has_a_header_quotes_commas_and_quotes_and_defuses_formulas()
    {
        var lines = ResultsCsv.Write(Rows).Split("\r\n");
        Assert.Equal("month,team,figure,breakdown,count", lines[0]);
        Assert.Equal("2026-01,Groningen Oost,signals-by-partner,\"Schoonmaak & Zorg, \"\"Noord\"\"\",12", lines[1]);
        Assert.Equal("2026-01,Groningen Oost,signals-by-partner,\"'=HYPERLINK(\"\"x\"\")\",<5", lines[2]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void Csv_numbers_do_not_follow_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            Assert.Contains(",1234567\r\n", ResultsCsv.Write([new ResultRow("2026-01", "Zeist", "cases", "opened", 1234567, SmallCellsRow(1234567))]));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private static string SmallCellsRow(long count) =>
        SmallCells.Suppress([new ResultCount("2026-01", "Zeist", "cases", "opened", count)], [new ResultFigure("cases", "Cases", false)]).Single().Shown;

    [Fact]
    public void The_chart_is_well_formed_svg_that_names_the_figure_with_every_text_escaped()
    {
        var svg = XDocument.Parse(ResultsChart.Render(Partners, MonthRange.Parse("2026-01", "2026-06").Range!, Rows));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("Partner signals by partner (2026-01 – 2026-06)", svg.Root.Element(ns + "title")!.Value);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("2026-01 · Groningen Oost · Schoonmaak & Zorg, \"Noord\"", texts);
        Assert.Contains("<5", texts);
        // One bar per shown cell; the hidden one and the total have none.
        Assert.Single(svg.Descendants(ns + "rect"), r => r.Attribute("x")?.Value == "360");
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
    }

    [Theory]
    [InlineData("2026-01", "2026-12", null)]
    [InlineData("2026-01", "2027-01", "to")]
    [InlineData("2026-06", "2026-05", "to")]
    [InlineData("2026-1", "2026-05", "from")]
    [InlineData("2026-01", null, "to")]
    public void A_month_range_is_at_most_twelve_months_in_order(string? from, string? to, string? wrongField)
    {
        var (range, field, _) = MonthRange.Parse(from, to);
        Assert.Equal(wrongField is null, range is not null);
        Assert.Equal(wrongField ?? "", field);
    }

    [Fact]
    public void A_month_is_an_Amsterdam_month()
    {
        var range = MonthRange.Parse("2026-03", "2026-03").Range!;
        Assert.Equal(new DateTime(2026, 2, 28, 23, 0, 0, DateTimeKind.Utc), range.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 31, 22, 0, 0, DateTimeKind.Utc), range.EndUtc);
    }
}
