namespace WijPlatform.IntegrationTests.Matching;

/// <summary>The coordinator's work through the gateway against real PostgreSQL: candidates, proposals, the lifecycle, hours.</summary>
public sealed class MatchingApiTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();

    // A talent nobody else uses keeps parallel tests from seeing each other's volunteers.
    private static string UniqueTalent() => $"test-{Guid.NewGuid():N}"[..20];

    private async Task<Guid> VolunteerAsync(string firstName, string postcode, string talent, string vogStatus = "none", DateOnly? vogIssuedOn = null, int maxActiveMatches = 2)
    {
        var response = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName,
            talents = Array.Empty<string>(),
            otherTalents = new[] { talent },
            postcode,
            street = "Brugakker",
            travelMode = "bike",
            availability = new[] { new { day = "tuesday", from = "13:00", until = "17:00" } },
            languages = new[] { "nl" },
            maxActiveMatches,
            vogStatus,
            vogIssuedOn,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Many_hours_of_one_volunteer_are_not_published_in_the_municipalitys_results()
    {
        var talent = UniqueTalent();
        var henk = await VolunteerAsync("Henk", "3706 AB", talent, "valid", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1));
        var created = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3706ab", weeklyDay = "tuesday", weeklyFrom = "14:00", insideHome = false, firstName = "Bep", street = "Lindenlaan" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var match = await ProposeAsync((await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid(), henk);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{match}/introduce", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{match}/activate", null)).StatusCode);
        using var volunteer = stack.Volunteer(henk, "Henk");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsJsonAsync($"/api/matching/matches/{match}/hours", new { day = today, hours = 12 })).StatusCode);

        // Twelve hours is more than the threshold of five, but they are one volunteer's: hidden.
        var month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var results = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/results?from={month}&to={month}");
        var cell = results.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("figure").GetString() == "volunteer-hours" && r.GetProperty("breakdown").GetString() == talent);
        Assert.Equal("x", cell.GetProperty("shown").GetString());
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("count").ValueKind);
    }

    [Fact]
    public async Task A_home_visit_is_ranked_proposed_declined_without_blame_and_matched_with_the_next_candidate()
    {
        var talent = UniqueTalent();
        var withVog = await VolunteerAsync("Jannie", "3706 AB", talent, "valid", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1));
        var withoutVog = await VolunteerAsync("Kees", "3705 CD", talent);
        var secondWithVog = await VolunteerAsync("Lies", "3704 AA", talent, "valid", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2));

        var created = await _coordinator.PostAsJsonAsync("/api/matching/requests", new
        {
            talent,
            postcode = "3705ab",
            weeklyDay = "tuesday",
            weeklyFrom = "14:00",
            insideHome = true,
            firstName = "Riet",
            street = "Lindenlaan",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var requestId = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        var candidates = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/requests/{requestId}/candidates");
        var ranked = candidates.EnumerateArray().Select(c => c.GetProperty("volunteerId").GetGuid()).ToList();
        Assert.Equal([withVog, secondWithVog], ranked);
        Assert.DoesNotContain(withoutVog, ranked);
        var reasons = candidates[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("distance", reasons);
        Assert.Contains("vog", reasons);

        var refused = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId = withoutVog });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var first = await ProposeAsync(requestId, withVog);
        Assert.Equal(HttpStatusCode.Conflict, (await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId = secondWithVog })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{first}/introduce", null)).StatusCode);
        var declined = await _coordinator.PostAsJsonAsync($"/api/matching/matches/{first}/decline", new { by = "resident" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var next = (await declined.ReadAsync<JsonElement>()).GetProperty("nextCandidates").EnumerateArray().Select(c => c.GetProperty("volunteerId").GetGuid()).ToList();
        Assert.Equal([secondWithVog], next);
        Assert.Equal("open", (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/requests/{requestId}")).GetProperty("status").GetString());

        var second = await ProposeAsync(requestId, secondWithVog);
        Assert.Equal(HttpStatusCode.Conflict, (await _coordinator.PostAsync($"/api/matching/matches/{second}/activate", null)).StatusCode);
        await _coordinator.PostAsync($"/api/matching/matches/{second}/introduce", null);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{second}/activate", null)).StatusCode);
        Assert.Equal("matched", (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/requests/{requestId}")).GetProperty("status").GetString());
        var zeistWest = await AllPagesAsync("/api/matching/reports/active-volunteers", row => row.GetProperty("neighbourhood").GetString() == "Zeist West");
        Assert.True(Assert.Single(zeistWest).GetProperty("withActiveMatch").GetInt64() >= 1);

        using var lies = stack.Volunteer(secondWithVog, "Lies");
        var hours = await lies.PostAsJsonAsync($"/api/matching/matches/{second}/hours", new { day = DateOnly.FromDateTime(DateTime.UtcNow), hours = 1.5 });
        var withHours = await hours.ReadAsync<JsonElement>();
        Assert.Equal(1.5m, withHours.GetProperty("hoursLogged").GetDecimal());
        Assert.True(withHours.GetProperty("checkInDue").GetBoolean());

        // What Lies sees: the resident's first name, street, task and time, nothing about the case.
        var tasks = await lies.GetFromJsonAsync<JsonElement>($"/api/matching/volunteers/{secondWithVog}/tasks");
        var task = Assert.Single(tasks.GetProperty("items").EnumerateArray());
        Assert.Equal("Riet", task.GetProperty("firstName").GetString());
        Assert.Equal("Lindenlaan", task.GetProperty("street").GetString());
        Assert.Equal("tuesday", task.GetProperty("weeklyDay").GetString());
        Assert.False(task.TryGetProperty("caseId", out _));

        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"/api/matching/matches/{second}/evaluate", new { notes = "Klikt goed." })).StatusCode);
        var ended = await _coordinator.PostAsJsonAsync($"/api/matching/matches/{second}/end", new { reason = "Mevrouw verhuist." });
        Assert.Equal("ended", (await ended.ReadAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("closed", (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/requests/{requestId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_full_volunteer_is_not_proposed_again_and_shows_in_the_workload()
    {
        var talent = UniqueTalent();
        var volunteer = await VolunteerAsync("Mien", "9712 AB", talent, maxActiveMatches: 1);
        var requests = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var created = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "9711 AA" });
            requests.Add((await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        await ProposeAsync(requests[0], volunteer);
        Assert.Equal(0, (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/requests/{requests[1]}/candidates")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requests[1]}/proposals", new { volunteerId = volunteer })).StatusCode);
        var workload = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/volunteers/{volunteer}/workload");
        Assert.Equal(1, workload.GetProperty("activeMatches").GetInt32());
        Assert.False(workload.GetProperty("overloaded").GetBoolean());
    }

    [Fact]
    public async Task The_coordinator_sees_whose_certificate_of_conduct_expires_soon()
    {
        var talent = UniqueTalent();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var soon = await VolunteerAsync("Nel", "3701 AA", talent, "valid", today.AddYears(-3).AddDays(10));

        async Task<bool> Listed(int days)
        {
            for (var page = 1; ; page++)
            {
                var body = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/volunteers/vog-expiring?withinDays={days}&page={page}&pageSize=100");
                if (body.GetProperty("items").EnumerateArray().Any(v => v.GetProperty("volunteerId").GetGuid() == soon))
                {
                    return true;
                }
                if (!body.GetProperty("hasNextPage").GetBoolean())
                {
                    return false;
                }
            }
        }

        Assert.True(await Listed(30));
        Assert.False(await Listed(5));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_fields()
    {
        var volunteer = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = "Otto", talents = new[] { "juggling" }, postcode = "1012 AB", travelMode = "bike", vogStatus = "valid" });
        Assert.Equal(HttpStatusCode.BadRequest, volunteer.StatusCode);
        var errors = (await volunteer.ReadAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("talents", out _));
        Assert.True(errors.TryGetProperty("postcode", out _));
        Assert.True(errors.TryGetProperty("vogIssuedOn", out _));

        var request = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent = "walk", postcode = "3705 AB", weeklyDay = "tuesday" });
        Assert.Equal(HttpStatusCode.BadRequest, request.StatusCode);
        Assert.True((await request.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("weeklyFrom", out _));

        var unreadable = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent = "walk", postcode = "3705 AB", weeklyDay = "funday", weeklyFrom = "14:00" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.GetAsync($"/api/matching/requests/{Guid.NewGuid()}/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.PostAsync($"/api/matching/matches/{Guid.NewGuid()}/activate", null)).StatusCode);
    }

    [Fact]
    public async Task Unmet_demand_is_counted_per_talent_and_neighbourhood()
    {
        var talent = UniqueTalent();
        await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "9716 AB" });
        await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "9716 CD" });
        await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3711 AA" });

        var rows = await AllPagesAsync("/api/matching/reports/unmet-demand", row => row.GetProperty("talent").GetString() == talent);

        Assert.Equal(2, rows.Single(r => r.GetProperty("neighbourhood").GetString() == "Groningen Oud-Noord en Oosterpark").GetProperty("open").GetInt64());
        Assert.Equal(1, rows.Single(r => r.GetProperty("neighbourhood").GetString() == "Zeist").GetProperty("open").GetInt64());
    }

    private async Task<List<JsonElement>> AllPagesAsync(string path, Func<JsonElement, bool> predicate)
    {
        var found = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await _coordinator.GetFromJsonAsync<JsonElement>($"{path}?page={page}&pageSize=100");
            found.AddRange(body.GetProperty("items").EnumerateArray().Where(predicate));
            if (!body.GetProperty("hasNextPage").GetBoolean())
            {
                return found;
            }
        }
    }

    private async Task<Guid> ProposeAsync(Guid requestId, Guid volunteerId)
    {
        var response = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
