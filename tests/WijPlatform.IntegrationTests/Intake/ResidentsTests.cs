namespace WijPlatform.IntegrationTests.Intake;

public sealed class ResidentsTests(StackFixture stack)
{
    private readonly IntakeApi _intake = new(stack);

    [Fact]
    public async Task A_registered_resident_is_found_by_address_and_by_name_with_the_neighbourhood_from_the_postcode()
    {
        var postcode = IntakeApi.UniquePostcode("3706");
        var number = IntakeApi.UniqueHouseNumber();
        var lastName = $"Bakker{Guid.NewGuid():N}"[..20];
        var resident = await _intake.RegisterResidentAsync(postcode.Replace(" ", "").ToLowerInvariant(), number, "Gerrit", lastName);
        Assert.Equal(postcode, resident.GetProperty("postcode").GetString());
        Assert.Equal("Zeist Noord", resident.GetProperty("neighbourhood").GetString());
        Assert.Equal(JsonValueKind.Null, resident.GetProperty("email").ValueKind);

        var byAddress = await _intake.GetAsync($"/api/intake/residents?postcode={Uri.EscapeDataString(postcode)}&houseNumber={number}");
        Assert.Equal(resident.GetProperty("id").GetGuid(), byAddress.GetProperty("items")[0].GetProperty("id").GetGuid());

        var byName = await _intake.GetAsync($"/api/intake/residents?name={Uri.EscapeDataString("gerrit " + lastName.ToUpperInvariant())}&pageSize=5");
        Assert.Equal(1, byName.GetProperty("totalCount").GetInt32());
        Assert.Equal(5, byName.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Residents_at_one_address_form_one_household()
    {
        var postcode = IntakeApi.UniquePostcode();
        var number = IntakeApi.UniqueHouseNumber();
        var first = await _intake.RegisterResidentAsync(postcode, number, "Anna");
        var householdId = first.GetProperty("householdId").GetGuid();
        await _intake.RegisterResidentAsync(postcode, number, "Piet", householdId: householdId);

        var members = await _intake.GetAsync($"/api/intake/households/{householdId}/members");
        Assert.Equal(["Anna", "Piet"], members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("firstName").GetString()));
        var atAddress = await _intake.GetAsync($"/api/intake/households?postcode={Uri.EscapeDataString(postcode)}&houseNumber={number}");
        Assert.Equal(householdId, atAddress.GetProperty("items")[0].GetProperty("id").GetGuid());

        var elsewhere = await _intake.PostAsync("/api/intake/residents", new
        {
            firstName = "Kees", lastName = "Smit", dateOfBirth = "1950-01-01", postcode = "9711 AA", houseNumber = "1", preferredContact = "desk", householdId,
        });
        var problem = await IntakeApi.ProblemAsync(elsewhere, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("householdId", out _));
    }

    [Fact]
    public async Task Bad_resident_input_names_every_wrong_field()
    {
        var response = await _intake.PostAsync("/api/intake/residents", new
        {
            firstName = "",
            lastName = "Jansen",
            dateOfBirth = "2999-01-01",
            postcode = "1234",
            houseNumber = "twelve",
            preferredContact = "email",
            email = "not-an-address",
        });
        var errors = (await IntakeApi.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "firstName", "houseNumber", "email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var semantic = await _intake.PostAsync("/api/intake/residents", new
        {
            firstName = "Anna", lastName = "Jansen", dateOfBirth = "2999-01-01", postcode = "1234", houseNumber = "12", preferredContact = "email",
        });
        var more = (await IntakeApi.ProblemAsync(semantic, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "dateOfBirth", "postcode", "email" })
        {
            Assert.True(more.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task A_quick_question_is_counted_without_keeping_anything_personal()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<long> CountAsync() =>
            (await _intake.GetAsync($"/api/intake/quick-questions/counts?from={today}&to={today}")).GetProperty("byDomain").EnumerateArray()
                .Where(d => d.GetProperty("domain").GetString() == "werk").Sum(d => d.GetProperty("count").GetInt64());
        var before = await CountAsync();

        var counted = await _intake.PostOkAsync("/api/intake/quick-questions", new { channel = "desk", domains = new[] { "werk", "financien" }, postcode = "9712 HW" });
        Assert.Equal("Groningen Centrum", counted.GetProperty("neighbourhood").GetString());
        Assert.False(counted.TryGetProperty("postcode", out _));
        Assert.True(await CountAsync() > before);
    }

    [Fact]
    public async Task Erasure_anonymises_the_resident_and_shows_which_services_confirmed()
    {
        var postcode = IntakeApi.UniquePostcode();
        var lastName = $"Wit{Guid.NewGuid():N}"[..16];
        var resident = await _intake.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber(), "Truus", lastName);
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await _intake.RegisterCaseAsync(residentId);

        var response = await _intake.PostAsync($"/api/intake/residents/{residentId}/erasure", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await _intake.GetAsync(response.Headers.Location!.ToString());
        Assert.Contains("intake", status.GetProperty("confirmedBy").EnumerateArray().Select(c => c.GetProperty("service").GetString()));

        var erased = await _intake.GetAsync($"/api/intake/residents/{residentId}");
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("lastName").ValueKind);
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("dateOfBirth").ValueKind);
        Assert.Equal(0, (await _intake.GetAsync($"/api/intake/residents?name={lastName}")).GetProperty("totalCount").GetInt32());
        Assert.Equal("[erased]", (await _intake.GetAsync($"/api/intake/cases/{caseId}")).GetProperty("description").GetString());

        // Another service's confirmation arrives over RabbitMQ and is shown on the erasure.
        var erasureId = status.GetProperty("id").GetGuid();
        await stack.PublishThroughOutboxAsync("intakedb", new WijPlatform.Contracts.ResidentErased(erasureId, residentId, "calendar"));
        await StackFixture.EventuallyAsync(async () =>
            (await _intake.GetAsync($"/api/intake/erasures/{erasureId}")).GetProperty("confirmedBy").EnumerateArray().Any(c => c.GetProperty("service").GetString() == "calendar"));

        Assert.Equal(HttpStatusCode.Conflict, (await _intake.PostAsync($"/api/intake/residents/{residentId}/erasure", new { })).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_intakes_endpoints_with_example_requests()
    {
        var document = await _intake.GetAsync("/openapi/intake.json");
        foreach (var path in new[] { "/api/intake/residents", "/api/intake/cases/{id}/assign", "/api/intake/cases/{caseId}/referrals", "/api/intake/signals", "/api/intake/worklists/without-contact" })
        {
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), path);
        }
        var resident = document.GetProperty("components").GetProperty("schemas").GetProperty("RegisterResident");
        var example = resident.TryGetProperty("examples", out var examples) ? examples[0] : resident.GetProperty("example");
        Assert.Equal("9712 HW", example.GetProperty("postcode").GetString());
    }
}
