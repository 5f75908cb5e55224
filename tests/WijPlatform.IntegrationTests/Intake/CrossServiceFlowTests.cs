using WijPlatform.IntegrationTests.Cafe;
using WijPlatform.IntegrationTests.Calendar;

namespace WijPlatform.IntegrationTests.Intake;

/// <summary>What the other services tell intake about its residents, each caused by the real service over real RabbitMQ.</summary>
public sealed class CrossServiceFlowTests(StackFixture stack)
{
    private readonly HttpClient _cafe = stack.Cafe();
    private readonly HttpClient _coordinator = stack.Coordinator();

    private static async Task<List<string>> EventuallyOnTimelineAsync(IntakeApi intake, Guid caseId, params string[] kinds)
    {
        await StackFixture.EventuallyAsync(async () => kinds.All(IntakeApi.Kinds(await intake.TimelineAsync(caseId)).Contains));
        return IntakeApi.Kinds(await intake.TimelineAsync(caseId));
    }

    [Fact]
    public async Task A_cafe_no_answer_about_a_known_resident_opens_an_urgent_case_on_the_signals_worklist_until_contact_is_recorded()
    {
        var intake = new IntakeApi(stack, "Zeist Oost");
        var resident = await intake.RegisterResidentAsync(IntakeApi.UniquePostcode("3705"), IntakeApi.UniqueHouseNumber(), "Truus", "Bakker");
        var residentId = resident.GetProperty("id").GetGuid();
        var householdId = resident.GetProperty("householdId").GetGuid();
        var neighbourhood = resident.GetProperty("neighbourhood").GetString();

        // The café delivers to her, finds no one home and reaches neither her nor her daughter.
        var profile = await _cafe.PutAsJsonAsync($"/api/cafe/residents/{residentId}/profile", new
        {
            displayName = "Mevrouw Bakker", street = "Kastanjelaan", houseNumber = "12", postcode = "3705 AB", phone = "030-7654321",
            emergencyContactName = "Dochter", emergencyContactPhone = "06-87654321",
        });
        Assert.Equal(HttpStatusCode.Created, profile.StatusCode);
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        Assert.Equal(HttpStatusCode.Created, (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId, fulfilment = "delivery" })).StatusCode);
        var round = (await (await _cafe.PostAsJsonAsync("/api/cafe/rounds", new { date })).ReadAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        var stop = (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("stops")[0].GetProperty("id").GetGuid();
        foreach (var step in new[] { "no-answer", "resident-not-reached", "contact-not-reached" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _cafe.PostAsJsonAsync($"/api/cafe/rounds/{round}/stops/{stop}/events", new { @event = step })).StatusCode);
        }

        JsonElement @case = default;
        await StackFixture.EventuallyAsync(async () =>
            (await intake.GetAsync($"/api/intake/cases?householdId={householdId}")).GetProperty("items") is { } items && items.GetArrayLength() == 1 && (@case = items[0]).ValueKind != JsonValueKind.Undefined);
        Assert.Equal(("cafe-signal", "high", "registered"), (@case.GetProperty("channel").GetString(), @case.GetProperty("urgency").GetString(), @case.GetProperty("status").GetString()));
        Assert.Equal(residentId, @case.GetProperty("residentId").GetGuid());
        var caseId = @case.GetProperty("id").GetGuid();
        var timeline = await intake.TimelineAsync(caseId);
        Assert.Equal(["registered", "cafe-no-answer"], IntakeApi.Kinds(timeline));
        var signal = timeline[1];
        Assert.Equal("cafe", signal.GetProperty("actor").GetString());
        Assert.Contains($"{date:yyyy-MM-dd}", signal.GetProperty("detail").GetString());

        var worklist = $"/api/intake/worklists/signals?neighbourhood={Uri.EscapeDataString(neighbourhood!)}";
        var team = intake.ProfessionalAs();
        var listed = Assert.Single(await AllPages.ItemsAsync(team, worklist), s => s.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal(("cafe-no-answer", "high"), (listed.GetProperty("kind").GetString(), listed.GetProperty("urgency").GetString()));

        await intake.PostOkAsync($"/api/intake/cases/{caseId}/contacts", new { way = "home-visit", summary = "Mevrouw was gevallen, huisarts gebeld." });
        Assert.DoesNotContain(await AllPages.ItemsAsync(team, worklist), s => s.GetProperty("caseId").GetGuid() == caseId);
    }

    [Fact]
    public async Task Repeated_no_shows_of_a_referred_resident_reach_the_case_of_the_referral()
    {
        var intake = new IntakeApi(stack);
        var resident = await intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Jan", "Smit");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId);
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "activity-signup" });
        var start = DateTimeOffset.UtcNow.AddSeconds(15);
        var signups = new List<(Guid Activity, Guid Signup)>();
        foreach (var title in new[] { "Wandelgroep", "Breiclub" })
        {
            var activity = (await CalendarKit.CreateAsync(_coordinator, new { title, category = "walk", startsAt = start, endsAt = start.AddHours(1), capacity = 5 })).GetProperty("id").GetGuid();
            await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "activity", activityId = activity, occurrenceStart = start });
            await StackFixture.EventuallyAsync(async () => (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{activity}/signups")).GetProperty("items").GetArrayLength() == 1);
            signups.Add((activity, (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{activity}/signups")).GetProperty("items")[0].GetProperty("id").GetGuid()));
        }
        // A no-show can be recorded once the activity started: until then the calendar refuses it (409), which is what is waited for.
        foreach (var (activity, signup) in signups)
        {
            await StackFixture.EventuallyAsync(async () =>
            {
                using var response = await _coordinator.PutAsJsonAsync($"/api/calendar/activities/{activity}/signups/{signup}/attendance", new { status = "no-show" });
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"attendance: {(int)response.StatusCode}");
                return response.StatusCode == HttpStatusCode.OK;
            }, start - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20));
        }

        await EventuallyOnTimelineAsync(intake, caseId, "activity-no-shows");
        var noShow = Assert.Single(await intake.TimelineAsync(caseId), e => e.GetProperty("kind").GetString() == "activity-no-shows");
        Assert.Contains("2 keer zonder afmelding", noShow.GetProperty("detail").GetString());
        Assert.Equal("calendar", noShow.GetProperty("actor").GetString());
    }

    /// <summary>Problem details as the APIs answer them, as far as these tests read them.</summary>
    private sealed record Problem(string Title, string Detail);

    [Fact]
    public async Task A_volunteer_referral_from_an_area_matching_cannot_rank_comes_back_with_the_reason()
    {
        // 9799 is Groningen in the shared neighbourhood map, but matching has no centroid for it: no distance, no ranking.
        var groningen = new IntakeApi(stack, "Groningen");
        var caseId = await groningen.RegisterCaseAsync(null, IntakeApi.UniquePostcode("9799"));
        var referral = (await groningen.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent = "walk" })).GetProperty("id").GetGuid();

        await EventuallyOnTimelineAsync(groningen, caseId, "volunteer-unmatched");
        var unmatched = Assert.Single(await groningen.TimelineAsync(caseId), e => e.GetProperty("kind").GetString() == "volunteer-unmatched");
        // The team's file is in Dutch, whatever language matching works in.
        Assert.Equal("Geen vrijwilliger gevonden: het gebied van de vraag (9799) valt buiten de gebieden die matching kent.", unmatched.GetProperty("detail").GetString());

        using var candidates = await _coordinator.GetAsync($"/api/matching/requests/{referral}/candidates");
        Assert.Equal(HttpStatusCode.Conflict, candidates.StatusCode);
        var problem = (await candidates.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Contains("(9799) valt buiten de gebieden van de dienst", problem.Detail, StringComparison.Ordinal);
        using var inEnglish = new HttpRequestMessage(HttpMethod.Get, $"/api/matching/requests/{referral}/candidates") { Headers = { { "Accept-Language", "en" } } };
        var english = (await (await _coordinator.SendAsync(inEnglish)).Content.ReadFromJsonAsync<Problem>())!;
        Assert.Contains("(9799) is outside the areas the service covers", english.Detail, StringComparison.Ordinal);
    }

    /// <summary>3701 is Zeist Centrum: that team refers its resident to a volunteer.</summary>
    private readonly IntakeApi _zeistCentrum = new(stack, "Zeist Centrum");

    private async Task<(Guid CaseId, Guid ReferralId, Guid MatchId)> VolunteerReferralProposedAsync()
    {
        var intake = _zeistCentrum;
        var talent = $"t-{Guid.NewGuid():N}"[..20];
        var volunteer = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = "Wim", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 CD", travelMode = "bike" });
        var volunteerId = (await volunteer.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var resident = await intake.RegisterResidentAsync("3701 AB", IntakeApi.UniqueHouseNumber(), "Cor");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, "3701 AB");
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });
        var referralId = (await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent })).GetProperty("id").GetGuid();

        await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{referralId}");
        var matches = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={referralId}");
        if (matches.GetProperty("totalCount").GetInt64() == 0)
        {
            // Not clear enough to propose by itself: the coordinator proposes.
            var proposed = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{referralId}/proposals", new { volunteerId });
            Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        }
        var match = (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={referralId}")).GetProperty("items")[0];
        return (caseId, referralId, match.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_introduction_the_match_and_its_evaluation_in_matching_reach_the_timeline()
    {
        var intake = _zeistCentrum;
        var (caseId, referralId, matchId) = await VolunteerReferralProposedAsync();
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/introduce", null)).StatusCode);
        await EventuallyOnTimelineAsync(intake, caseId, "volunteer-introduced");
        Assert.Equal("introduced", (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{referralId}")).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/activate", null)).StatusCode);
        await EventuallyOnTimelineAsync(intake, caseId, "volunteer-matched");
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"/api/matching/matches/{matchId}/evaluate", new { notes = "Klikt goed." })).StatusCode);
        var kinds = await EventuallyOnTimelineAsync(intake, caseId, "volunteer-match-evaluated", "volunteer-proposed");

        Assert.Equal(["registered", "referral-sent"], kinds[..2]);
        Assert.Equal(["volunteer-introduced", "volunteer-match-evaluated", "volunteer-matched", "volunteer-proposed"], kinds[2..].Order());
        Assert.Equal("evaluated", (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{referralId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_declined_proposal_shows_on_the_timeline_without_blame_and_the_referral_waits_for_the_next_volunteer()
    {
        var intake = _zeistCentrum;
        var (caseId, referralId, matchId) = await VolunteerReferralProposedAsync();
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"/api/matching/matches/{matchId}/decline", new { by = "resident" })).StatusCode);

        await EventuallyOnTimelineAsync(intake, caseId, "volunteer-declined");
        var declined = Assert.Single(await intake.TimelineAsync(caseId), e => e.GetProperty("kind").GetString() == "volunteer-declined");
        Assert.Contains("De bewoner heeft het voorstel afgewezen", declined.GetProperty("detail").GetString());
        Assert.Equal("declined", (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{referralId}")).GetProperty("status").GetString());
        Assert.Equal("open", (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/requests/{referralId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_meal_delivery_referral_needs_consent_for_the_cafe_reaches_its_desk_and_the_cafes_answers_reach_the_timeline()
    {
        var intake = new IntakeApi(stack, "Zeist Oost");
        var resident = await intake.RegisterResidentAsync(IntakeApi.UniquePostcode("3705"), IntakeApi.UniqueHouseNumber(), "Dina", "de Boer");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, resident.GetProperty("postcode").GetString()!, ["zorg"]);
        var referrals = $"/api/intake/cases/{caseId}/referrals";
        // The café's own tests publish menus on far dates; this one's days are ours alone, and the trial ends within them.
        var startsOn = CafeClient.FreshFutureDate();
        var meals = new { kind = "meal-delivery", weekdays = new[] { "thursday", "monday" }, startsOn, remarks = "Diabetes; sleutel bij de buren op nr. 3" };

        var invalid = await IntakeApi.ProblemAsync(await intake.PostAsync(referrals, new { kind = "meal-delivery", weekdays = new[] { "someday" } }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("weekdays", out _));
        var refused = await IntakeApi.ProblemAsync(await intake.PostAsync(referrals, meals), HttpStatusCode.Conflict);
        Assert.Contains("meal-delivery", refused.GetProperty("detail").GetString());

        var consent = await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "meal-delivery" });
        Assert.Equal("cafe", consent.GetProperty("recipient").GetString());
        var referralId = (await intake.PostOkAsync(referrals, meals)).GetProperty("id").GetGuid();

        // The café's desk sees whom to call: name, address and phone, the wished days; nothing of the case.
        var application = await StackFixture.EventuallyGetAsync(_cafe, $"/api/cafe/delivery-applications/{referralId}");
        Assert.Equal(("pending", "Dina de Boer", "Oude Ebbingestraat", "050 123 4567"),
            (application.GetProperty("status").GetString(), application.GetProperty("displayName").GetString(), application.GetProperty("street").GetString(), application.GetProperty("phone").GetString()));
        Assert.Equal(["monday", "thursday"], application.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains(await AllPages.ItemsAsync(_cafe, $"/api/cafe/delivery-applications?status=pending&residentId={residentId}"), a => a.GetProperty("id").GetGuid() == referralId);

        Assert.Equal(HttpStatusCode.BadRequest, (await _cafe.PostAsJsonAsync($"/api/cafe/delivery-applications/{referralId}/accept", new { startsOn, endsOn = startsOn.AddDays(-1) })).StatusCode);
        var accepted = await _cafe.PostAsJsonAsync($"/api/cafe/delivery-applications/{referralId}/accept", new
        {
            endsOn = startsOn.AddDays(20), diets = new[] { "diabetic" }, emergencyContactName = "Zoon", emergencyContactPhone = "06-11112222", paymentMethod = "monthly", decidedBy = "Café Noord, Ans",
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var standingOrderId = (await accepted.ReadAsync<JsonElement>()).GetProperty("standingOrderId").GetGuid();
        var standing = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/standing-orders/{standingOrderId}");
        Assert.Equal(("delivery", $"{startsOn:yyyy-MM-dd}"), (standing.GetProperty("fulfilment").GetString(), standing.GetProperty("startsOn").GetString()));
        var profile = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/residents/{residentId}/profile");
        Assert.Equal(["diabetic"], profile.GetProperty("diets").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("06-11112222", profile.GetProperty("emergencyContactPhone").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _cafe.PostAsJsonAsync($"/api/cafe/delivery-applications/{referralId}/decline", new { reason = "te laat" })).StatusCode);

        await EventuallyOnTimelineAsync(intake, caseId, "meal-delivery-accepted");
        Assert.Equal("accepted", (await intake.GetAsync($"{referrals}/{referralId}")).GetProperty("status").GetString());
        Assert.Contains("maandag en donderdag", (await intake.TimelineAsync(caseId)).Single(e => e.GetProperty("kind").GetString() == "meal-delivery-accepted").GetProperty("detail").GetString());

        // A second request the café cannot take: the regisseur reads why.
        var secondId = (await intake.PostOkAsync(referrals, new { kind = "meal-delivery", weekdays = new[] { "saturday" }, startsOn })).GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(_cafe, $"/api/cafe/delivery-applications/{secondId}");
        Assert.Equal(HttpStatusCode.OK, (await _cafe.PostAsJsonAsync($"/api/cafe/delivery-applications/{secondId}/decline", new { reason = "Op zaterdag bezorgen wij niet." })).StatusCode);
        await EventuallyOnTimelineAsync(intake, caseId, "meal-delivery-declined");
        Assert.Equal("declined", (await intake.GetAsync($"{referrals}/{secondId}")).GetProperty("status").GetString());
    }
}
