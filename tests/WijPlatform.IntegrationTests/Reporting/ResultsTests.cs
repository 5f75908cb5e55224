using System.Globalization;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace WijPlatform.IntegrationTests.Reporting;

/// <summary>
/// The municipality's figures, read by the coordinator through the gateway, against questions and
/// signals the desk and a partner system register through the real APIs in two neighbourhoods that
/// no other test uses (Groningen Oost, 9731–9737; Zeist Zuid, 3708–3709), this month.
/// </summary>
public sealed class ResultsTests(StackFixture stack)
{
    private const string Oost = "Groningen Oost";
    private const string Zuid = "Zeist Zuid";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _registered;

    private static string ThisMonth =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Groningen Oost: 6 quick questions on housing and 5 on wellbeing at the desk, 3 on care by
    /// phone, 5 partner signals of loneliness (each a new case). Zeist Zuid: 12 on housing and 8 on
    /// money at the desk.
    /// </summary>
    private async Task RegisterAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_registered)
            {
                return;
            }
            using var desk = stack.Desk();
            async Task AskAsync(int times, string channel, string domain, string pc4)
            {
                for (var i = 0; i < times; i++)
                {
                    var response = await desk.PostAsJsonAsync("/api/intake/quick-questions", new { channel, domains = new[] { domain }, postcode = IntakeApi.UniquePostcode(pc4) });
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }
            }
            await AskAsync(6, "desk", "wonen", "9734");
            await AskAsync(5, "desk", "welzijn", "9737");
            await AskAsync(3, "phone", "zorg", "9735");
            await AskAsync(12, "desk", "wonen", "3708");
            await AskAsync(8, "desk", "financien", "3709");
            var (partner, _, _) = await stack.PartnerAsync("Thuiszorg Oost");
            for (var i = 0; i < 5; i++)
            {
                var signal = await partner.PostAsJsonAsync("/api/intake/signals", new
                {
                    partner = "Thuiszorg Oost", postcode = IntakeApi.UniquePostcode("9736"), houseNumber = IntakeApi.UniqueHouseNumber(), concern = "Mevrouw lijkt vereenzaamd.",
                });
                Assert.Equal(HttpStatusCode.Accepted, signal.StatusCode);
            }
            _registered = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private static Dictionary<string, string> Cells(JsonElement table, string team, string figure) =>
        table.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("month").GetString() == ThisMonth && r.GetProperty("team").GetString() == team && r.GetProperty("figure").GetString() == figure)
            .ToDictionary(r => r.GetProperty("breakdown").GetString()!, r => r.GetProperty("shown").GetString()!);

    [Fact]
    public async Task The_coordinator_sees_counts_per_team_and_month_with_small_numbers_hidden()
    {
        await RegisterAsync();
        using var coordinator = stack.Coordinator();
        var table = await coordinator.GetFromJsonAsync<JsonElement>($"/api/intake/results?from={ThisMonth}&to={ThisMonth}");

        // 3 on care is under 5; the 5 on wellbeing is hidden too, or the total would give the 3 back.
        // The signals are no resident's questions: they are counted as signals (and their cases as cases) only.
        Assert.Equal(new Dictionary<string, string> { ["wonen"] = "6", ["zorg"] = "<5", ["welzijn"] = "x", ["total"] = "14" }, Cells(table, Oost, "questions-by-domain"));
        Assert.Equal(new Dictionary<string, string> { ["desk"] = "x", ["phone"] = "<5", ["total"] = "14" }, Cells(table, Oost, "questions-by-channel"));
        Assert.Equal(new Dictionary<string, string> { ["Thuiszorg Oost"] = "5", ["total"] = "5" }, Cells(table, Oost, "signals-by-partner"));
        Assert.Equal("5", Cells(table, Oost, "signals-acted-upon")["total"]);
        Assert.Equal("5", Cells(table, Oost, "cases")["opened"]);
        Assert.Equal(new Dictionary<string, string> { ["wonen"] = "12", ["financien"] = "8", ["total"] = "20" }, Cells(table, Zuid, "questions-by-domain"));

        var hidden = table.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("team").GetString() == Oost && r.GetProperty("shown").GetString() is "<5" or "x").ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("count").ValueKind));
        Assert.Contains(table.GetProperty("figures").EnumerateArray(), f => f.GetProperty("name").GetString() == "signals-acted-upon");
    }

    [Fact]
    public async Task The_csv_export_holds_the_same_cells_as_the_table()
    {
        await RegisterAsync();
        using var coordinator = stack.Coordinator();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/intake/results?from={ThisMonth}&to={ThisMonth}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var byAccept = await coordinator.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, byAccept.StatusCode);
        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        var csv = await byAccept.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        Assert.Equal("month,team,figure,breakdown,count", lines[0]);
        Assert.Contains($"{ThisMonth},{Oost},questions-by-domain,wonen,6", lines);
        Assert.Contains($"{ThisMonth},{Oost},questions-by-domain,zorg,<5", lines);
        Assert.Contains($"{ThisMonth},{Oost},questions-by-domain,welzijn,x", lines);
        Assert.Contains($"{ThisMonth},{Zuid},questions-by-domain,total,20", lines);
        Assert.Contains($"{ThisMonth},{Oost},signals-by-partner,Thuiszorg Oost,5", lines);

        var byQuery = await coordinator.GetStringAsync($"/api/intake/results?from={ThisMonth}&to={ThisMonth}&format=csv");
        Assert.Contains($"{ThisMonth},{Oost},questions-by-domain,zorg,<5", byQuery.Split("\r\n"));
    }

    [Fact]
    public async Task A_chart_per_figure_is_svg_that_names_the_figure()
    {
        await RegisterAsync();
        using var coordinator = stack.Coordinator();
        using var response = await coordinator.GetAsync($"/api/intake/results/questions-by-domain.svg?from={ThisMonth}&to={ThisMonth}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var svg = XDocument.Parse(text);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.StartsWith("Questions by domain", svg.Root!.Element(ns + "title")!.Value, StringComparison.Ordinal);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains($"{ThisMonth} · {Zuid} · wonen", texts);
        Assert.Contains("<5", texts);

        // The README's chart comes from this endpoint: ./wij test with WIJ_RESULTS_CHART=docs/results-questions-by-domain.svg writes it.
        if (Environment.GetEnvironmentVariable("WIJ_RESULTS_CHART") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text);
        }

        var unknown = await coordinator.GetAsync($"/api/intake/results/residents.svg?from={ThisMonth}&to={ThisMonth}");
        await IntakeApi.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_desk_a_volunteer_and_a_professional_are_refused_and_a_range_is_at_most_a_year()
    {
        foreach (var caller in new[] { stack.Desk(), stack.Volunteer(Guid.NewGuid()), stack.Professional(Oost) })
        {
            using (caller)
            {
                var refused = await caller.GetAsync($"/api/intake/results?from={ThisMonth}&to={ThisMonth}");
                await IntakeApi.ProblemAsync(refused, HttpStatusCode.Forbidden);
            }
        }
        using var coordinator = stack.Coordinator();
        var tooLong = await IntakeApi.ProblemAsync(await coordinator.GetAsync("/api/intake/results?from=2025-01&to=2026-01"), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("to", out _));
        var badFormat = await IntakeApi.ProblemAsync(await coordinator.GetAsync("/api/intake/results?format=xlsx"), HttpStatusCode.BadRequest);
        Assert.True(badFormat.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Theory]
    [InlineData("matching", "matches-made")]
    [InlineData("calendar", "attendance")]
    [InlineData("cafe", "meals")]
    public async Task Every_service_answers_for_its_own_figures_the_same_way(string service, string figure)
    {
        using var coordinator = stack.Coordinator();
        var table = await coordinator.GetFromJsonAsync<JsonElement>($"/api/{service}/results?from={ThisMonth}&to={ThisMonth}");
        Assert.Equal(ThisMonth, table.GetProperty("from").GetString());
        Assert.Contains(table.GetProperty("figures").EnumerateArray(), f => f.GetProperty("name").GetString() == figure);
        Assert.All(table.GetProperty("rows").EnumerateArray(), r => Assert.True(r.GetProperty("count").ValueKind == JsonValueKind.Null || r.GetProperty("count").GetInt64() >= 5));
        Assert.StartsWith("month,team,figure,breakdown,count\r\n", await coordinator.GetStringAsync($"/api/{service}/results?format=csv"), StringComparison.Ordinal);
        var svg = XDocument.Parse(await coordinator.GetStringAsync($"/api/{service}/results/{figure}.svg"));
        Assert.Contains(figure, svg.Root!.Value, StringComparison.Ordinal);
        using var desk = stack.Desk();
        await IntakeApi.ProblemAsync(await desk.GetAsync($"/api/{service}/results"), HttpStatusCode.Forbidden);
    }
}
