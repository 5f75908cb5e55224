using WijPlatform.IntegrationTests.Calendar;

namespace WijPlatform.IntegrationTests.Intake;

public sealed class ReferralTests(StackFixture stack)
{
    private readonly IntakeApi _intake = new(stack);
    private readonly HttpClient _coordinator = stack.Coordinator();

    [Fact]
    public async Task A_volunteer_referral_needs_consent_reaches_matching_with_it_and_is_refused_again_after_withdrawal()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Riek");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await _intake.RegisterCaseAsync(residentId);
        var referrals = $"/api/intake/cases/{caseId}/referrals";
        var walk = new { kind = "volunteer", talent = "walk", wantedAt = "2031-05-01T10:00:00+02:00" };

        var refused = await IntakeApi.ProblemAsync(await _intake.PostAsync(referrals, walk), HttpStatusCode.Conflict);
        Assert.Equal("Toestemming nodig.", refused.GetProperty("title").GetString());
        Assert.Contains("share-with-volunteer", refused.GetProperty("detail").GetString());

        var consent = await _intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });
        Assert.Equal("matching", consent.GetProperty("recipient").GetString());
        var referral = await _intake.PostOkAsync(referrals, walk);
        var referralId = referral.GetProperty("id").GetGuid();

        var request = await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{referralId}");
        Assert.Equal("walk", request.GetProperty("talent").GetString());
        Assert.Equal(resident.GetProperty("postcode").GetString(), request.GetProperty("postcode").GetString());
        Assert.Equal(caseId, request.GetProperty("caseId").GetGuid());

        await _intake.PostOkAsync($"/api/intake/residents/{residentId}/consents/{consent.GetProperty("id").GetGuid()}/withdraw", new { });
        await IntakeApi.ProblemAsync(await _intake.PostAsync(referrals, walk), HttpStatusCode.Conflict);
        var consents = await _intake.GetAsync($"/api/intake/residents/{residentId}/consents");
        Assert.NotEqual(JsonValueKind.Null, consents.GetProperty("items")[0].GetProperty("withdrawnAt").ValueKind);

        Assert.Equal(["registered", "referral-sent"], IntakeApi.Kinds(await _intake.TimelineAsync(caseId)));
    }

    [Fact]
    public async Task Answers_from_matching_arrive_over_RabbitMQ_on_the_timeline_once()
    {
        // A question without a known resident shares only the postcode, so it needs no consent; the request keeps the case's id.
        var created = await _intake.PostOkAsync("/api/intake/help-requests", new
        {
            channel = "phone", domains = new[] { "eenzaamheid" }, description = "Meneer wil graag iemand om mee te wandelen.", postcode = "9712 HW", volunteerTalent = "walk",
        });
        var caseId = created.GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{caseId}");

        var matched = new VolunteerMatched(caseId, Guid.NewGuid(), Guid.NewGuid(), "Henk");
        await stack.PublishThroughOutboxAsync("intakedb", new VolunteerMatchProposed(caseId, matched.MatchId, matched.VolunteerId, "Henk"));
        await stack.PublishThroughOutboxAsync("intakedb", matched);
        await StackFixture.EventuallyAsync(async () => IntakeApi.Kinds(await _intake.TimelineAsync(caseId)).Count == 4);

        // The two answers may be consumed in either order; the match stands.
        var timeline = await _intake.TimelineAsync(caseId);
        Assert.Equal(["registered", "referral-sent"], IntakeApi.Kinds(timeline)[..2]);
        Assert.Equal(["volunteer-matched", "volunteer-proposed"], IntakeApi.Kinds(timeline)[2..].Order());
        var match = timeline.Single(e => e.GetProperty("kind").GetString() == "volunteer-matched");
        Assert.Equal("system", match.GetProperty("actor").GetString());
        Assert.Contains("Henk", match.GetProperty("detail").GetString());
        var referral = await _intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{caseId}");
        Assert.Equal("matched", referral.GetProperty("status").GetString());

        // The same answer delivered a second time (the relay crashed before marking it sent) has no second effect.
        async Task<long> DuplicatesAsync() => (await _intake.GetAsync("/api/intake/admin/messaging/outbox")).GetProperty("duplicatesSuppressed").GetInt64();
        var before = await DuplicatesAsync();
        await _intake.ExecuteInIntakeDatabaseAsync(
            "UPDATE outbox_messages SET sent_at = NULL WHERE message_type LIKE 'WijPlatform.Contracts.VolunteerMatched,%' AND body->>'requestId' = $1::text", caseId);
        await StackFixture.EventuallyAsync(async () => await DuplicatesAsync() > before);
        Assert.Equal(4, (await _intake.TimelineAsync(caseId)).Count);
    }

    [Fact]
    public async Task An_activity_referral_sends_only_first_name_initial_and_phone_with_consent_and_calendar_answers_reach_the_timeline()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Grietje", "Mulder");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await _intake.RegisterCaseAsync(residentId);
        // A real, full activity in the calendar: the referral is wait-listed, then the activity is cancelled.
        var monday = CalendarKit.RandomMonday();
        var start = CalendarKit.At(monday, 14);
        var activityId = (await CalendarKit.CreateAsync(_coordinator, CalendarKit.Games(CalendarKit.UniqueRoom(), start, capacity: 0))).GetProperty("id").GetGuid();
        var refer = new { kind = "activity", activityId, occurrenceStart = start };

        var refused = await IntakeApi.ProblemAsync(await _intake.PostAsync($"/api/intake/cases/{caseId}/referrals", refer), HttpStatusCode.Conflict);
        Assert.Contains("activity-signup", refused.GetProperty("detail").GetString());
        await _intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "activity-signup" });
        var referralId = (await _intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", refer)).GetProperty("id").GetGuid();

        await StackFixture.EventuallyAsync(async () => IntakeApi.Kinds(await _intake.TimelineAsync(caseId)).Contains("activity-waitlisted"));
        var signups = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{activityId}/signups");
        var signup = Assert.Single(signups.GetProperty("items").EnumerateArray());
        Assert.Equal("Grietje M.", signup.GetProperty("displayName").GetString());

        var cancel = await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{activityId}/cancel", new { reason = "Docent ziek" });
        Assert.True(cancel.IsSuccessStatusCode, $"cancel answered {(int)cancel.StatusCode}");
        await StackFixture.EventuallyAsync(async () => IntakeApi.Kinds(await _intake.TimelineAsync(caseId)).Contains("activity-cancelled"));

        var timeline = await _intake.TimelineAsync(caseId);
        Assert.Contains($"{monday:yyyy-MM-dd} 14:00", timeline.Single(e => e.GetProperty("kind").GetString() == "activity-waitlisted").GetProperty("detail").GetString());
        Assert.Equal("cancelled", (await _intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{referralId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_partner_referral_is_recorded_with_its_follow_up_date_only_with_consent_for_that_partner()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber());
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await _intake.RegisterCaseAsync(residentId, domains: ["financien"]);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refer = new { kind = "partner", partner = "Schuldhulpverlening Groningen", followUpOn = today };

        await _intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-partner", recipient = "Humanitas" });
        await IntakeApi.ProblemAsync(await _intake.PostAsync($"/api/intake/cases/{caseId}/referrals", refer), HttpStatusCode.Conflict);
        await _intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-partner", recipient = "Schuldhulpverlening Groningen" });
        var referral = await _intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", refer);
        Assert.Equal(today, referral.GetProperty("followUpOn").GetString());
        var referralId = referral.GetProperty("id").GetGuid();

        // On the follow-up date it is on the worklist until someone records how it went.
        async Task<bool> DueAsync()
        {
            for (var page = 1; ; page++)
            {
                var due = await _intake.GetAsync($"/api/intake/worklists/due-follow-ups?page={page}&pageSize=100");
                if (due.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == referralId))
                {
                    return true;
                }
                if (!due.GetProperty("hasNextPage").GetBoolean())
                {
                    return false;
                }
            }
        }
        Assert.True(await DueAsync());
        var followed = await _intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals/{referralId}/follow-up", new { note = "Intake bij schuldhulp gehad, traject loopt." }, "regisseur-sanne");
        Assert.Equal("followed-up", followed.GetProperty("status").GetString());
        Assert.False(await DueAsync());
        await IntakeApi.ProblemAsync(await _intake.PostAsync($"/api/intake/cases/{caseId}/referrals/{referralId}/follow-up", new { note = "nog eens" }), HttpStatusCode.Conflict);
        Assert.Equal("referral-followed-up", IntakeApi.Kinds(await _intake.TimelineAsync(caseId))[^1]);

        var noDate = await _intake.PostAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "partner", partner = "Lentis" });
        Assert.True((await IntakeApi.ProblemAsync(noDate, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("followUpOn", out _));
        var noRecipient = await _intake.PostAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-partner" });
        Assert.True((await IntakeApi.ProblemAsync(noRecipient, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("recipient", out _));
    }

    [Fact]
    public async Task A_partner_signal_opens_a_case_asks_matching_for_a_home_visit_after_triage_and_the_partner_sees_only_its_status()
    {
        // 3707 is Zeist Noord: that team picks the signal up.
        var intake = new IntakeApi(stack, "Zeist Noord");
        var postcode = IntakeApi.UniquePostcode("3707");
        var number = IntakeApi.UniqueHouseNumber();
        var (cleaner, _, _) = await stack.PartnerAsync($"Het Sopje {Guid.NewGuid():N}"[..20]);
        var signal = await cleaner.PostAsJsonAsync("/api/intake/signals", new
        {
            partner = "Schoonmaakbedrijf Het Sopje", postcode, houseNumber = number, concern = "Mevrouw lijkt erg eenzaam, praat nauwelijks nog met iemand.",
        });
        Assert.Equal(HttpStatusCode.Accepted, signal.StatusCode);
        var status = await cleaner.GetFromJsonAsync<JsonElement>(signal.Headers.Location!.ToString());
        Assert.Equal("received", status.GetProperty("status").GetString());
        Assert.False(status.TryGetProperty("caseId", out _));
        Assert.False(status.TryGetProperty("concern", out _));

        // The desk finds the case through the address.
        var household = (await intake.GetAsync($"/api/intake/households?postcode={Uri.EscapeDataString(postcode)}&houseNumber={number}")).GetProperty("items")[0];
        Assert.Equal("Zeist Noord", household.GetProperty("neighbourhood").GetString());
        var @case = (await intake.GetAsync($"/api/intake/cases?householdId={household.GetProperty("id").GetGuid()}")).GetProperty("items")[0];
        var caseId = @case.GetProperty("id").GetGuid();
        Assert.Equal("partner-signal", @case.GetProperty("channel").GetString());

        // Nothing goes to matching until a professional of the team triaged the signal.
        Assert.Equal(0, (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals")).GetProperty("totalCount").GetInt32());
        var triage = await intake.ProfessionalAs().PostAsJsonAsync($"{signal.Headers.Location}/triage", new { visit = true });
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        var visit = (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals")).GetProperty("items")[0];
        var request = await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{visit.GetProperty("id").GetGuid()}");
        Assert.Equal("home-visit", request.GetProperty("talent").GetString());
        Assert.True(request.GetProperty("insideHome").GetBoolean());

        // A second signal about the same address joins the open case.
        var (corporation, _, _) = await stack.PartnerAsync($"Woningcorporatie {Guid.NewGuid():N}"[..24]);
        Assert.Equal(HttpStatusCode.Accepted, (await corporation.PostAsJsonAsync("/api/intake/signals", new { partner = "Woningcorporatie", postcode, houseNumber = number, concern = "Post stapelt zich op." })).StatusCode);
        Assert.Equal(1, (await intake.GetAsync($"/api/intake/cases?householdId={household.GetProperty("id").GetGuid()}")).GetProperty("totalCount").GetInt32());
        Assert.Equal(2, IntakeApi.Kinds(await intake.TimelineAsync(caseId)).Count(k => k == "partner-signal"));
        // Another organisation does not learn that the first one signalled.
        Assert.Equal(HttpStatusCode.NotFound, (await corporation.GetAsync(signal.Headers.Location!.ToString())).StatusCode);

        await intake.PostOkAsync($"/api/intake/cases/{caseId}/triage", new { });
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId = await intake.RegisterProfessionalAsync() });
        // A regisseur taking the case up does not set the signal back from its requested visit.
        Assert.Equal("visit-requested", (await cleaner.GetFromJsonAsync<JsonElement>(signal.Headers.Location!.ToString())).GetProperty("status").GetString());
    }
}
