namespace WijPlatform.IntegrationTests;

/// <summary>The HTTP contract every service keeps, called through the gateway.</summary>
public sealed class ApiTests(StackFixture stack)
{
    private readonly HttpClient _desk = stack.Desk();

    /// <summary>Who reads a service's records: a Groningen Centrum professional the cases, the coordinator matching, the café its menus; the calendar is public.</summary>
    private HttpClient ReaderOf(string path) => path.Split('/')[2] switch
    {
        "intake" => stack.Professional(IntakeCentrum),
        "matching" => stack.Coordinator(),
        "cafe" => stack.Cafe(),
        _ => stack.Anonymous(),
    };

    private const string IntakeCentrum = "Groningen Centrum";

    [Fact]
    public async Task Bad_input_is_a_400_problem_with_the_fields_that_were_wrong()
    {
        var response = await _desk.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "fax",
            domains = Array.Empty<string>(),
            description = "",
            postcode = "0123 AB",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("domains", out _));
        Assert.True(errors.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task An_invalid_postcode_is_named_in_the_problem()
    {
        var response = await _desk.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "phone",
            domains = new[] { "wonen" },
            description = "Vraag over aanpassing van de badkamer.",
            postcode = "12345",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("9712 HW", errors.GetProperty("postcode")[0].GetString());
    }

    [Fact]
    public async Task Unreadable_json_is_a_400_naming_the_field_not_a_500()
    {
        using var content = new StringContent("""{"channel":"desk","domains":"wonen"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await _desk.PostAsync("/api/intake/help-requests", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("domains", out _));
    }

    [Theory]
    [InlineData("/api/intake/help-requests/5d9c2a4e-0000-4000-8000-000000000001")]
    [InlineData("/api/calendar/activities/5d9c2a4e-0000-4000-8000-000000000001")]
    [InlineData("/api/matching/volunteers/5d9c2a4e-0000-4000-8000-000000000001")]
    [InlineData("/api/cafe/menus/2031-02-03")]
    public async Task A_missing_thing_is_a_404_problem(string path)
    {
        using var reader = ReaderOf(path);
        var response = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/intake/help-requests")]
    [InlineData("/api/calendar/activities")]
    [InlineData("/api/matching/volunteers")]
    [InlineData("/api/matching/requests")]
    public async Task Lists_are_paged_and_refuse_pages_over_the_maximum(string path)
    {
        using var reader = ReaderOf(path);
        var page = await reader.GetFromJsonAsync<JsonElement>($"{path}?page=1&pageSize=5");
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("items").GetArrayLength() <= 5);

        var tooBig = await reader.GetAsync($"{path}?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.True((await tooBig.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task A_help_request_is_stored_and_can_be_read_back()
    {
        var created = await _desk.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "on-behalf",
            domains = new[] { "zorg", "Welzijn" },
            description = "Mantelzorger vraagt om respijtzorg.",
            postcode = "9718kt",
            urgency = "high",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // 9718 is Groningen Oud-West: that team reads its new case.
        using var team = stack.Professional("Groningen Oud-West");
        var read = await team.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        Assert.Equal("9718 KT", read.GetProperty("postcode").GetString());
        Assert.Equal(new[] { "zorg", "welzijn" }, read.GetProperty("domains").EnumerateArray().Select(d => d.GetString() ?? "").ToArray());
        Assert.Equal("registered", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Two_parallel_sign_ups_for_the_last_seats_give_each_seat_once_and_wait_list_the_rest()
    {
        using var coordinator = stack.Coordinator();
        var activity = await (await coordinator.PostAsJsonAsync("/api/calendar/activities", new
        {
            title = "Spelletjesmiddag",
            description = "Sjoelen, rummikub en koffie.",
            category = "games",
            room = "Zaal 1",
            startsAt = "2031-03-04T14:00:00+01:00",
            endsAt = "2031-03-04T16:00:00+01:00",
            capacity = 2,
        })).ReadAsync<JsonElement>();
        var id = activity.GetProperty("id").GetGuid();

        var signups = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            _desk.PostAsJsonAsync($"/api/calendar/activities/{id}/signups", new { displayName = $"Deelnemer {i}" })));
        var statuses = await Task.WhenAll(signups.Select(async r => (await r.ReadAsync<JsonElement>()).GetProperty("status").GetString()));
        Assert.Equal(2, statuses.Count(s => s == "confirmed"));
        Assert.Equal(6, statuses.Count(s => s == "waitlisted"));
    }

    [Fact]
    public async Task Parallel_orders_for_the_last_portion_sell_it_once()
    {
        var date = new DateOnly(2032, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        using var cafe = stack.Cafe();
        var menu = await cafe.PostAsJsonAsync("/api/cafe/menus", new { date, dish = "Erwtensoep", description = "met roggebrood", priceCents = 600, allergens = new[] { "celery", "gluten" }, portions = 1 });
        Assert.Equal(HttpStatusCode.Created, menu.StatusCode);

        var orders = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = $"Buurtbewoner {i}", fulfilment = "delivery", street = "Kastanjelaan", houseNumber = $"{i}", postcode = "3705 AB" })));
        Assert.Equal(1, orders.Count(o => o.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, orders.Count(o => o.StatusCode == HttpStatusCode.Conflict));

        var again = await cafe.PostAsJsonAsync("/api/cafe/menus", new { date, dish = "Iets anders", priceCents = 600, allergens = Array.Empty<string>(), portions = 5 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("intake", "/api/intake/help-requests")]
    [InlineData("calendar", "/api/calendar/activities")]
    [InlineData("matching", "/api/matching/volunteers")]
    [InlineData("cafe", "/api/cafe/menus")]
    public async Task Each_services_OpenAPI_document_is_served_through_the_gateway(string service, string path)
    {
        using var anyone = stack.Anonymous();
        var document = await anyone.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _));
        var reference = await anyone.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task The_gateway_health_reports_every_service()
    {
        using var anyone = stack.Anonymous();
        var health = await anyone.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in new[] { "intake", "calendar", "matching", "cafe", "notices" })
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(service).GetProperty("status").GetString());
        }
    }
}
