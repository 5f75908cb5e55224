namespace WijPlatform.IntegrationTests.Texts;

/// <summary>
/// Dutch first: what the platform says to people is Dutch unless the caller's Accept-Language asks
/// for English; the problem's shape and its field names stay the same in either language.
/// </summary>
public sealed class LanguageTests(StackFixture stack)
{
    private readonly IntakeApi _intake = new(stack);

    [Fact]
    public async Task A_professional_hears_the_same_refusal_in_Dutch_by_default_and_in_English_when_asked()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Riek");
        var caseId = await _intake.RegisterCaseAsync(resident.GetProperty("id").GetGuid());
        var referrals = $"/api/intake/cases/{caseId}/referrals";
        var walk = new { kind = "volunteer", talent = "walk", wantedAt = "2031-05-01T10:00:00+02:00" };
        var professional = _intake.CallerFor(referrals);

        var dutch = await ProblemAsync(professional, referrals, walk, language: null, HttpStatusCode.Conflict);
        Assert.Equal("Toestemming nodig.", dutch.GetProperty("title").GetString());
        Assert.Equal("De bewoner heeft geen toestemming gegeven (of die ingetrokken) voor 'share-with-volunteer' met 'matching'. Leg de toestemming vast vóór deze verwijzing.",
            dutch.GetProperty("detail").GetString());

        var english = await ProblemAsync(professional, referrals, walk, "en-GB,en;q=0.9", HttpStatusCode.Conflict);
        Assert.Equal("Consent needed.", english.GetProperty("title").GetString());
        Assert.Equal("The resident has not given (or has withdrawn) consent for 'share-with-volunteer' with 'matching'. Record the consent before this referral.",
            english.GetProperty("detail").GetString());

        // A language the platform does not speak gets Dutch; the shape is the same in every language.
        var german = await ProblemAsync(professional, referrals, walk, "de", HttpStatusCode.Conflict);
        Assert.Equal(dutch.GetProperty("title").GetString(), german.GetProperty("title").GetString());
        foreach (var problem in new[] { dutch, english, german })
        {
            Assert.Equal(409, problem.GetProperty("status").GetInt32());
            Assert.Equal(["detail", "instance", "status", "title", "traceId", "type"], problem.EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public async Task The_desk_sees_field_errors_in_Dutch_or_English_under_the_same_field_names()
    {
        var desk = _intake.DeskAs();
        var wrongPostcode = Resident(postcode: "ABCDEF", firstName: "Henk");
        var dutch = await ProblemAsync(desk, "/api/intake/residents", wrongPostcode, language: null, HttpStatusCode.BadRequest);
        Assert.Equal(["Vul een Nederlandse postcode in, zoals 9712 HW."], Messages(dutch, "postcode"));
        var english = await ProblemAsync(desk, "/api/intake/residents", wrongPostcode, "en", HttpStatusCode.BadRequest);
        Assert.Equal(["Enter a Dutch postcode such as 9712 HW."], Messages(english, "postcode"));

        // A rule the endpoint declares with a data annotation speaks Dutch too.
        var noName = Resident(postcode: "9712 HW", firstName: null);
        var required = Assert.Single(Messages(await ProblemAsync(desk, "/api/intake/residents", noName, null, HttpStatusCode.BadRequest), "firstName"));
        Assert.Matches("^Het veld .+ is verplicht\\.$", required);
        Assert.Equal("Een of meer waarden zijn niet geldig.", (await ProblemAsync(desk, "/api/intake/residents", noName, null, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        var requiredInEnglish = Assert.Single(Messages(await ProblemAsync(desk, "/api/intake/residents", noName, "en", HttpStatusCode.BadRequest), "firstName"));
        Assert.Matches("^The .+ field is required\\.$", requiredInEnglish);

        // A field error that names what was given (an unknown household) is a text with its argument in either language.
        var household = Guid.NewGuid();
        var unknownHousehold = new { firstName = "Henk", lastName = "Bakker", dateOfBirth = "1944-02-03", postcode = "9712 HW", houseNumber = "12", preferredContact = "letter", householdId = household };
        Assert.Equal([$"Er is geen huishouden {household}."], Messages(await ProblemAsync(desk, "/api/intake/residents", unknownHousehold, null, HttpStatusCode.BadRequest), "householdId"));
        Assert.Equal([$"There is no household {household}."], Messages(await ProblemAsync(desk, "/api/intake/residents", unknownHousehold, "en", HttpStatusCode.BadRequest), "householdId"));
    }

    [Fact]
    public async Task The_gateway_turns_away_a_caller_without_a_token_in_Dutch_or_English()
    {
        using var anyone = stack.Anonymous();
        var dutch = await ProblemAsync(anyone, "/api/intake/residents", Resident("9712 HW", "Henk"), null, HttpStatusCode.Unauthorized);
        Assert.Equal("Aanmelden is nodig.", dutch.GetProperty("title").GetString());
        Assert.Equal("Stuur een bearer-token mee in de Authorization-header.", dutch.GetProperty("detail").GetString());
        var english = await ProblemAsync(anyone, "/api/intake/residents", Resident("9712 HW", "Henk"), "en", HttpStatusCode.Unauthorized);
        Assert.Equal("Authentication required.", english.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_partner_hears_its_refused_callback_host_in_Dutch_or_English()
    {
        var (partner, _, _) = await stack.PartnerAsync($"Taal {Guid.NewGuid():N}"[..16]);
        using (partner)
        {
            var callback = new { url = "https://10.20.30.40/hook" };
            var dutch = await ProblemAsync(partner, "/api/notices/webhooks", callback, null, HttpStatusCode.BadRequest);
            Assert.Equal(["De host '10.20.30.40' staat niet op de lijst van toegestane callback-hosts; vraag het de beheerder van het steunpunt."], Messages(dutch, "url"));
            Assert.Equal("Een of meer waarden zijn niet geldig.", dutch.GetProperty("title").GetString());
            var english = await ProblemAsync(partner, "/api/notices/webhooks", callback, "en", HttpStatusCode.BadRequest);
            Assert.Equal(["The host '10.20.30.40' is not on the list of allowed callback hosts; ask the support point's administrator."], Messages(english, "url"));
        }
    }

    [Fact]
    public async Task A_professional_hears_an_unknown_domain_at_triage_in_Dutch_or_English()
    {
        var caseId = await _intake.RegisterCaseAsync(null, IntakeApi.UniquePostcode());
        var triage = $"/api/intake/cases/{caseId}/triage";
        var professional = _intake.CallerFor(triage);
        var domains = new { domains = new[] { "wonen", "ruimtevaart" }, urgency = "high" };

        var dutch = await ProblemAsync(professional, triage, domains, null, HttpStatusCode.BadRequest);
        Assert.Equal(["Onbekend domein: ruimtevaart. Bekende domeinen: wonen, welzijn, zorg, opvoeding, financien, werk, eenzaamheid."], Messages(dutch, "domains"));
        var english = await ProblemAsync(professional, triage, domains, "en", HttpStatusCode.BadRequest);
        Assert.Equal(["Unknown domain(s): ruimtevaart. Known: wonen, welzijn, zorg, opvoeding, financien, werk, eenzaamheid."], Messages(english, "domains"));
    }

    [Fact]
    public async Task The_timeline_tells_the_professional_in_Dutch_of_a_weekly_volunteer_the_triage_and_a_hand_over()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Gerrit");
        var (residentId, householdId) = (resident.GetProperty("id").GetGuid(), resident.GetProperty("householdId").GetGuid());
        await _intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer", recipient = "matching" });
        var caseId = await _intake.RegisterCaseAsync(residentId);
        var (first, second) = (await _intake.RegisterProfessionalAsync("Fenna Eerste"), await _intake.RegisterProfessionalAsync("Joost Tweede"));
        var professional = _intake.CallerFor($"/api/intake/cases/{caseId}");

        await _intake.PostOkAsync($"/api/intake/cases/{caseId}/triage", new { domains = new[] { "eenzaamheid", "financien" }, urgency = "high" });
        await _intake.PostOkAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId = first });
        await _intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent = "walk", weeklyOn = "monday", weeklyFrom = "14:00" });
        using var handOver = await professional.PostAsJsonAsync($"/api/intake/households/{householdId}/regisseur", new { regisseurId = second, reason = "Fenna gaat met verlof." },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, handOver.StatusCode);

        var timeline = await _intake.TimelineAsync(caseId);
        string Detail(string kind) => Assert.Single(timeline, e => e.GetProperty("kind").GetString() == kind).GetProperty("detail").GetString()!;
        Assert.Equal("Domeinen: eenzaamheid en financiën; urgentie: hoog.", Detail("triaged"));
        Assert.Equal("Vrijwilliger gevraagd voor 'walk', elke maandag vanaf 14:00 uur.", Detail("referral-sent"));
        Assert.Equal("Overgedragen van Fenna Eerste aan Joost Tweede (WIJ-team Centrum). Fenna gaat met verlof.", Detail("regisseur-handed-over"));
        Assert.Equal("Binnengekomen via de balie.", Detail("registered"));
    }

    [Fact]
    public async Task The_coordinator_reads_why_a_volunteer_fits_in_Dutch_or_English()
    {
        using var coordinator = stack.Coordinator();
        var talent = $"taal-{Guid.NewGuid():N}"[..20];
        using var volunteer = await coordinator.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName = "Joke", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3705 AB", travelMode = "bike",
            availability = new[] { new { day = "tuesday", from = "13:00", until = "17:00" } }, languages = new[] { "nl" }, vogStatus = "none",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, volunteer.StatusCode);
        using var created = await coordinator.PostAsJsonAsync("/api/matching/requests", new
        {
            talent, postcode = "3705ab", weeklyDay = "tuesday", weeklyFrom = "14:00", insideHome = false, firstName = "Riet", street = "Lindenlaan",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var candidates = $"/api/matching/requests/{(await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid()}/candidates";

        Assert.Equal("Noemt dit talent in eigen woorden.", await TalentReasonAsync(coordinator, candidates, null));
        Assert.Equal("Mentions this talent in their own words.", await TalentReasonAsync(coordinator, candidates, "en"));
        Assert.Contains("km verderop (postcodegebied); gaat tot", await ReasonAsync(coordinator, candidates, null, "distance"));
        Assert.Contains("(fiets)", await ReasonAsync(coordinator, candidates, null, "distance"));
    }

    private static Task<string?> TalentReasonAsync(HttpClient caller, string path, string? language) => ReasonAsync(caller, path, language, "talent");

    private static async Task<string?> ReasonAsync(HttpClient caller, string path, string? language, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }
        using var response = await caller.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = (await response.ReadAsync<JsonElement>())[0];
        return first.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("detail").GetString();
    }

    private static object Resident(string postcode, string? firstName) => new
    {
        firstName,
        lastName = "Bakker",
        dateOfBirth = "1944-02-03",
        postcode,
        houseNumber = "12",
        preferredContact = "phone",
        phone = "050 765 4321",
    };

    private static List<string?> Messages(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString())];

    private static async Task<JsonElement> ProblemAsync(HttpClient caller, string path, object body, string? language, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }
        using var response = await caller.SendAsync(request, TestContext.Current.CancellationToken);
        return await IntakeApi.ProblemAsync(response, expected);
    }
}
