using WijPlatform.IntegrationTests.Cafe;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Every endpoint that applies a record scope (its handler binds a team, volunteer or partner scope)
/// refuses another team, another volunteer, another partner: one case per endpoint, and a check that
/// no scoped endpoint is left without one.
/// </summary>
public sealed class ScopedEndpointTests(StackFixture stack)
{
    private const string Noordwest = "Groningen Noordwest";

    /// <summary>Records of Groningen Centrum, one volunteer's match and round, one partner's signal; made once for all cases.</summary>
    private sealed record World(
        Guid Resident, Guid Household, string Postcode, string HouseNumber, string LastName, Guid Case, Guid Consent, Guid Goal, Guid Action, Guid Referral, Guid Erasure,
        Guid Regisseur, Guid Volunteer, Guid Match, Guid Round, Guid Stop, Guid Signal, string SignalPartner, Guid ClientsActivity, Guid ClientSignup);

    private static readonly SemaphoreSlim Building = new(1, 1);
    private static World? _world;

    private async Task<World> WorldAsync()
    {
        await Building.WaitAsync();
        try
        {
            return _world ??= await BuildAsync();
        }
        finally
        {
            Building.Release();
        }
    }

    private async Task<World> BuildAsync()
    {
        var centrum = new IntakeApi(stack);
        var postcode = IntakeApi.UniquePostcode();
        var houseNumber = IntakeApi.UniqueHouseNumber();
        var lastName = $"Scoped{Guid.NewGuid():N}"[..18];
        var resident = await centrum.RegisterResidentAsync(postcode, houseNumber, "Maaike", lastName);
        var residentId = resident.GetProperty("id").GetGuid();
        var household = resident.GetProperty("householdId").GetGuid();
        var caseId = await centrum.RegisterCaseAsync(residentId, postcode);
        var consent = (await centrum.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-partner", recipient = "Humanitas" })).GetProperty("id").GetGuid();
        await centrum.PostOkAsync($"/api/intake/households/{household}/plan/strengths", new { description = "Kookt zelf." });
        var goal = (await centrum.PostOkAsync($"/api/intake/households/{household}/plan/goals", new { description = "Onder de mensen." })).GetProperty("id").GetGuid();
        var action = (await centrum.PostOkAsync($"/api/intake/households/{household}/plan/actions", new { goalId = goal, description = "Koffie in het buurthuis", owner = "Sanne", dueDate = "2020-01-06" })).GetProperty("id").GetGuid();
        var referral = (await centrum.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "partner", partner = "Humanitas", followUpOn = Today })).GetProperty("id").GetGuid();
        var regisseur = await centrum.RegisterProfessionalAsync();
        var erased = (await centrum.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Vergeten", "Persoon")).GetProperty("id").GetGuid();
        var erasure = await centrum.PostAsync($"/api/intake/residents/{erased}/erasure", new { });
        var erasureId = (await erasure.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var coordinator = stack.Coordinator();
        var talent = $"scoped-{Guid.NewGuid():N}"[..20];
        var volunteer = (await (await coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = "Kees", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3705 AB", travelMode = "bike" }))
            .ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var request = (await (await coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3705 CD", firstName = "Riet", street = "Lindenlaan" })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var match = (await (await coordinator.PostAsJsonAsync($"/api/matching/requests/{request}/proposals", new { volunteerId = volunteer })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var cafe = stack.Cafe();
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 5);
        var diner = await stack.ResidentWithProfileAsync();
        await cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = diner, fulfilment = "delivery" });
        var round = (await (await cafe.PostAsJsonAsync("/api/cafe/rounds", new { date })).ReadAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        await stack.PublishThroughOutboxAsync("matchingdb", new DelivererAssigned(round, volunteer, "Kees"));
        await StackFixture.EventuallyAsync(async () => (await cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("round").GetProperty("status").GetString() == "assigned");
        var stop = (await cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("stops")[0].GetProperty("id").GetGuid();

        var organisation = $"Sopje {Guid.NewGuid():N}"[..16];
        var (partner, _, _) = await stack.PartnerAsync(organisation);
        var signal = await partner.PostAsJsonAsync("/api/intake/signals", new { partner = organisation, postcode = "9712 HW", houseNumber = "5", concern = "Zorgen." });
        var signalId = (await signal.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var startsAt = Calendar.CalendarKit.At(Calendar.CalendarKit.RandomMonday(), 10);
        var activity = (await Calendar.CalendarKit.CreateAsync(coordinator, new
        {
            title = "Computerles", description = "Voor cliënten.", category = "computer", room = Calendar.CalendarKit.UniqueRoom(), startsAt, endsAt = startsAt.AddHours(1),
            capacity = 5, targetGroup = "partner-clients", targetPartner = organisation,
        })).GetProperty("id").GetGuid();
        var clientSignup = (await (await partner.PostAsJsonAsync($"/api/calendar/activities/{activity}/partner-signups", new { clients = new[] { new { firstName = "Zoë", clientReference = "K-1" } } }))
            .ReadAsync<JsonElement>())[0].GetProperty("id").GetGuid();

        return new World(residentId, household, resident.GetProperty("postcode").GetString()!, houseNumber, lastName, caseId, consent, goal, action, referral, erasureId,
            regisseur, volunteer, match, round, stop, signalId, organisation, activity, clientSignup);
    }

    private static string Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task RefusedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path) => await AllPages.ItemsAsync(client, path);

    private delegate Task Attempt(HttpClient outsider, World world);

    /// <summary>What a professional of Groningen Noordwest tries on Groningen Centrum's records, and what must happen.</summary>
    private static readonly Dictionary<string, Attempt> TeamAttempts = new()
    {
        ["POST /api/intake/residents/"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync("/api/intake/residents", new
        {
            firstName = "Indringer", lastName = "Test", dateOfBirth = "1950-01-01", postcode = w.Postcode, houseNumber = w.HouseNumber, preferredContact = "desk", householdId = w.Household,
        })),
        ["GET /api/intake/residents/"] = async (c, w) =>
        {
            var found = Assert.Single(await ItemsAsync(c, $"/api/intake/residents?name={w.LastName}"));
            Assert.True(found.GetProperty("limited").GetBoolean());
            Assert.Equal(JsonValueKind.Null, found.GetProperty("phone").ValueKind);
            Assert.Empty(await ItemsAsync(c, $"/api/intake/residents?postcode={Uri.EscapeDataString(w.Postcode)}&houseNumber={w.HouseNumber}"));
        },
        ["GET /api/intake/residents/{id:guid}"] = async (c, w) =>
        {
            var card = await c.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{w.Resident}");
            Assert.True(card.GetProperty("limited").GetBoolean());
            Assert.Equal(JsonValueKind.Null, card.GetProperty("phone").ValueKind);
        },
        ["GET /api/intake/residents/{residentId:guid}/access-log/"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/residents/{w.Resident}/access-log")),
        ["GET /api/intake/households/"] = async (c, w) => Assert.Empty(await ItemsAsync(c, $"/api/intake/households?postcode={Uri.EscapeDataString(w.Postcode)}&houseNumber={w.HouseNumber}")),
        ["GET /api/intake/households/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/households/{w.Household}")),
        ["GET /api/intake/households/{id:guid}/members"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/households/{w.Household}/members")),
        ["POST /api/intake/households/{id:guid}/members"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/members", new { residentId = w.Resident })),
        ["POST /api/intake/residents/{residentId:guid}/consents/"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/residents/{w.Resident}/consents", new { purpose = "activity-signup" })),
        ["GET /api/intake/residents/{residentId:guid}/consents/"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/residents/{w.Resident}/consents")),
        ["POST /api/intake/residents/{residentId:guid}/consents/{consentId:guid}/withdraw"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/residents/{w.Resident}/consents/{w.Consent}/withdraw", new { })),
        ["POST /api/intake/residents/{residentId:guid}/erasure"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/residents/{w.Resident}/erasure", new { })),
        ["GET /api/intake/erasures/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/erasures/{w.Erasure}")),
        ["POST /api/intake/help-requests/"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync("/api/intake/help-requests", new { channel = "desk", domains = new[] { "wonen" }, description = "Vraag.", residentId = w.Resident })),
        ["GET /api/intake/help-requests/"] = async (c, w) => Assert.DoesNotContain(await ItemsAsync(c, "/api/intake/help-requests"), h => h.GetProperty("id").GetGuid() == w.Case),
        ["GET /api/intake/help-requests/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/help-requests/{w.Case}")),
        ["GET /api/intake/cases/"] = async (c, w) =>
        {
            Assert.DoesNotContain(await ItemsAsync(c, $"/api/intake/cases?householdId={w.Household}"), h => h.GetProperty("id").GetGuid() == w.Case);
            await RefusedAsync(await c.GetAsync($"/api/intake/cases?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}"));
        },
        ["GET /api/intake/cases/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/cases/{w.Case}")),
        ["GET /api/intake/cases/{id:guid}/timeline"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/cases/{w.Case}/timeline")),
        ["POST /api/intake/cases/{id:guid}/triage"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/triage", new { })),
        ["POST /api/intake/cases/{id:guid}/assign"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/assign", new { regisseurId = w.Regisseur })),
        ["POST /api/intake/cases/{id:guid}/start-plan"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/start-plan", new { })),
        ["POST /api/intake/cases/{id:guid}/close"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/close", new { outcome = "resolved" })),
        ["POST /api/intake/cases/{id:guid}/reopen"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/reopen", new { reason = "Toch niet." })),
        ["POST /api/intake/cases/{id:guid}/notes"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/notes", new { text = "Niet mijn wijk." })),
        ["POST /api/intake/cases/{id:guid}/contacts"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/contacts", new { way = "phone", summary = "Gebeld." })),
        ["GET /api/intake/households/{householdId:guid}/regisseur/"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/households/{w.Household}/regisseur")),
        ["POST /api/intake/households/{householdId:guid}/regisseur/"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/regisseur", new { regisseurId = w.Regisseur })),
        ["GET /api/intake/residents/{residentId:guid}/questions"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/residents/{w.Resident}/questions")),
        ["PUT /api/intake/residents/{residentId:guid}/phone"] = async (c, w) => await RefusedAsync(await c.PutAsJsonAsync($"/api/intake/residents/{w.Resident}/phone", new { phone = "050 1111111" })),
        ["POST /api/intake/residents/{residentId:guid}/move"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/residents/{w.Resident}/move", new { postcode = "9722 AB", houseNumber = "1" })),
        ["GET /api/intake/households/{householdId:guid}/plan/"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/households/{w.Household}/plan")),
        ["POST /api/intake/households/{householdId:guid}/plan/network"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/network", new { name = "Buur", relation = "buurman", canHelpWith = "boodschappen" })),
        ["POST /api/intake/households/{householdId:guid}/plan/strengths"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/strengths", new { description = "x" })),
        ["POST /api/intake/households/{householdId:guid}/plan/concerns"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/concerns", new { description = "x" })),
        ["POST /api/intake/households/{householdId:guid}/plan/professionals"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/professionals", new { name = "Els", organisation = "Thuiszorg", role = "verpleegkundige" })),
        ["POST /api/intake/households/{householdId:guid}/plan/goals"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/goals", new { description = "x" })),
        ["POST /api/intake/households/{householdId:guid}/plan/actions"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/actions", new { goalId = w.Goal, description = "x", owner = "x", dueDate = "2031-01-01" })),
        ["POST /api/intake/households/{householdId:guid}/plan/actions/{actionId:guid}/complete"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/households/{w.Household}/plan/actions/{w.Action}/complete", new { })),
        ["POST /api/intake/cases/{caseId:guid}/referrals/"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/referrals", new { kind = "partner", partner = "Humanitas", followUpOn = Today })),
        ["GET /api/intake/cases/{caseId:guid}/referrals/"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/cases/{w.Case}/referrals")),
        ["GET /api/intake/cases/{caseId:guid}/referrals/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/cases/{w.Case}/referrals/{w.Referral}")),
        ["POST /api/intake/cases/{caseId:guid}/referrals/{id:guid}/follow-up"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/cases/{w.Case}/referrals/{w.Referral}/follow-up", new { note = "x" })),
        ["GET /api/intake/worklists/open-cases"] = async (c, w) =>
        {
            Assert.All(await ItemsAsync(c, "/api/intake/worklists/open-cases"), h => Assert.Equal(Noordwest, h.GetProperty("neighbourhood").GetString()));
            await RefusedAsync(await c.GetAsync($"/api/intake/worklists/open-cases?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}"));
        },
        ["GET /api/intake/worklists/open-case-counts"] = async (c, w) =>
            Assert.All(await ItemsAsync(c, "/api/intake/worklists/open-case-counts"), h => Assert.Equal(Noordwest, h.GetProperty("key").GetString())),
        ["GET /api/intake/worklists/overdue-actions"] = async (c, w) =>
        {
            Assert.DoesNotContain(await ItemsAsync(c, "/api/intake/worklists/overdue-actions"), a => a.GetProperty("id").GetGuid() == w.Action);
            await RefusedAsync(await c.GetAsync($"/api/intake/worklists/overdue-actions?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}"));
        },
        ["GET /api/intake/worklists/due-follow-ups"] = async (c, w) =>
        {
            Assert.DoesNotContain(await ItemsAsync(c, "/api/intake/worklists/due-follow-ups"), r => r.GetProperty("id").GetGuid() == w.Referral);
            await RefusedAsync(await c.GetAsync($"/api/intake/worklists/due-follow-ups?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}"));
        },
        ["GET /api/intake/worklists/signals"] = async (c, w) =>
        {
            Assert.All(await ItemsAsync(c, "/api/intake/worklists/signals"), s => Assert.Equal(Noordwest, s.GetProperty("neighbourhood").GetString()));
            await RefusedAsync(await c.GetAsync($"/api/intake/worklists/signals?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}"));
        },
        ["GET /api/intake/worklists/without-contact"] = async (c, w) =>
        {
            Assert.All(await ItemsAsync(c, "/api/intake/worklists/without-contact?weeks=1"), h => Assert.Equal(Noordwest, h.GetProperty("neighbourhood").GetString()));
            await RefusedAsync(await c.GetAsync($"/api/intake/worklists/without-contact?weeks=1&neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}"));
        },
        ["GET /api/intake/signals/awaiting-triage"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/signals/awaiting-triage?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}")),
        ["POST /api/intake/signals/{id:guid}/triage"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/intake/signals/{w.Signal}/triage", new { visit = false })),
        ["GET /api/intake/teams/{team}/settings"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/intake/teams/{Uri.EscapeDataString(IntakeApi.Centrum)}/settings")),
        ["PUT /api/intake/teams/{team}/settings"] = async (c, w) =>
            await RefusedAsync(await c.PutAsJsonAsync($"/api/intake/teams/{Uri.EscapeDataString(IntakeApi.Centrum)}/settings", new { automaticVisitRequests = true })),
    };

    /// <summary>What another volunteer tries on Kees's match, profile and round: refused every time (by role where only the coordinator may).</summary>
    private static readonly Dictionary<string, Attempt> VolunteerAttempts = new()
    {
        ["GET /api/matching/volunteers/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/matching/volunteers/{w.Volunteer}")),
        ["PUT /api/matching/volunteers/{id:guid}/vog"] = async (c, w) => await RefusedAsync(await c.PutAsJsonAsync($"/api/matching/volunteers/{w.Volunteer}/vog", new { status = "requested" })),
        ["PUT /api/matching/volunteers/{id:guid}/contact"] = async (c, w) =>
            await RefusedAsync(await c.PutAsJsonAsync($"/api/matching/volunteers/{w.Volunteer}/contact", new { preferredContact = "sms", phone = "06 12345678" })),
        ["GET /api/matching/volunteers/{id:guid}/vog-warnings"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/matching/volunteers/{w.Volunteer}/vog-warnings")),
        ["GET /api/matching/volunteers/{id:guid}/tasks"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/matching/volunteers/{w.Volunteer}/tasks")),
        ["GET /api/matching/volunteers/{id:guid}/workload"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/matching/volunteers/{w.Volunteer}/workload")),
        ["GET /api/matching/matches/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/matching/matches/{w.Match}")),
        ["POST /api/matching/matches/{id:guid}/introduce"] = async (c, w) => await RefusedAsync(await c.PostAsync($"/api/matching/matches/{w.Match}/introduce", null)),
        ["POST /api/matching/matches/{id:guid}/accept"] = async (c, w) => await RefusedAsync(await c.PostAsync($"/api/matching/matches/{w.Match}/accept", null)),
        ["POST /api/matching/matches/{id:guid}/decline"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/matching/matches/{w.Match}/decline", new { by = "volunteer" })),
        ["POST /api/matching/matches/{id:guid}/activate"] = async (c, w) => await RefusedAsync(await c.PostAsync($"/api/matching/matches/{w.Match}/activate", null)),
        ["POST /api/matching/matches/{id:guid}/evaluate"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/matching/matches/{w.Match}/evaluate", new { notes = "x" })),
        ["POST /api/matching/matches/{id:guid}/end"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/matching/matches/{w.Match}/end", new { reason = "x" })),
        ["POST /api/matching/matches/{id:guid}/hours"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/matching/matches/{w.Match}/hours", new { day = DateOnly.FromDateTime(DateTime.UtcNow), hours = 1 })),
        ["POST /api/matching/matches/{id:guid}/check-in"] = async (c, w) => await RefusedAsync(await c.PostAsJsonAsync($"/api/matching/matches/{w.Match}/check-in", new { notes = "x" })),
        ["GET /api/notices/volunteers/"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/notices/volunteers?volunteerId={w.Volunteer}")),
        ["GET /api/cafe/rounds/{id:guid}"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/cafe/rounds/{w.Round}")),
        ["GET /api/cafe/rounds/{id:guid}/print"] = async (c, w) => await RefusedAsync(await c.GetAsync($"/api/cafe/rounds/{w.Round}/print")),
        ["POST /api/cafe/rounds/{id:guid}/stops/{stopId:guid}/events"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/cafe/rounds/{w.Round}/stops/{w.Stop}/events", new { @event = "delivered" })),
    };

    /// <summary>What another partner organisation tries on the first one's signal.</summary>
    private static readonly Dictionary<string, Attempt> PartnerAttempts = new()
    {
        ["GET /api/intake/signals/{id:guid}"] = async (c, w) => Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/intake/signals/{w.Signal}")).StatusCode),
        ["POST /api/intake/signals/"] = async (c, w) =>
        {
            var signal = await c.PostAsJsonAsync("/api/intake/signals", new { partner = w.SignalPartner, postcode = "9712 HW", houseNumber = "7", concern = "In naam van een ander." });
            Assert.Equal(HttpStatusCode.Accepted, signal.StatusCode);
            Assert.NotEqual(w.SignalPartner, (await signal.ReadAsync<JsonElement>()).GetProperty("partner").GetString());
        },
        ["GET /api/calendar/activities/{id:guid}/partner-signups/"] = async (c, w) =>
            Assert.Empty(await ItemsAsync(c, $"/api/calendar/activities/{w.ClientsActivity}/partner-signups")),
        ["GET /api/calendar/activities/{id:guid}/partner-signups/{signupId:guid}"] = async (c, w) =>
            Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/calendar/activities/{w.ClientsActivity}/partner-signups/{w.ClientSignup}")).StatusCode),
        ["POST /api/calendar/activities/{id:guid}/partner-signups/{signupId:guid}/cancel"] = async (c, w) =>
            Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"/api/calendar/activities/{w.ClientsActivity}/partner-signups/{w.ClientSignup}/cancel", null)).StatusCode),
        ["POST /api/calendar/activities/{id:guid}/partner-signups/"] = async (c, w) =>
            await RefusedAsync(await c.PostAsJsonAsync($"/api/calendar/activities/{w.ClientsActivity}/partner-signups", new { clients = new[] { new { firstName = "Bram", clientReference = "K-1" } } })),
        ["POST /api/notices/webhooks/"] = async (c, w) =>
        {
            // A partner registers a callback for itself only, whatever organisation it would like to be.
            var webhook = await c.PostAsJsonAsync("/api/notices/webhooks", new { url = "http://127.0.0.1:9/hook", partner = w.SignalPartner });
            Assert.Equal(HttpStatusCode.BadRequest, webhook.StatusCode);
            webhook = await c.PostAsJsonAsync("/api/notices/webhooks", new { url = "http://127.0.0.1:9/hook" });
            Assert.Equal(HttpStatusCode.Created, webhook.StatusCode);
            Assert.NotEqual(w.SignalPartner, (await webhook.ReadAsync<JsonElement>()).GetProperty("webhook").GetProperty("partner").GetString());
        },
    };

    public static TheoryData<string> TeamScoped => [.. TeamAttempts.Keys];

    public static TheoryData<string> VolunteerScoped => [.. VolunteerAttempts.Keys];

    public static TheoryData<string> PartnerScoped => [.. PartnerAttempts.Keys];

    [Theory]
    [MemberData(nameof(TeamScoped))]
    public async Task Another_neighbourhood_team_is_refused(string endpoint)
    {
        var world = await WorldAsync();
        using var noordwest = stack.Professional(Noordwest, name: "Wijkwerker Noordwest");
        await TeamAttempts[endpoint](noordwest, world);
    }

    [Theory]
    [MemberData(nameof(VolunteerScoped))]
    public async Task Another_volunteer_is_refused(string endpoint)
    {
        var world = await WorldAsync();
        using var other = stack.Volunteer(Guid.NewGuid(), "Andere vrijwilliger");
        await VolunteerAttempts[endpoint](other, world);
    }

    [Theory]
    [MemberData(nameof(PartnerScoped))]
    public async Task Another_partner_is_refused(string endpoint)
    {
        var world = await WorldAsync();
        var (other, _, _) = await stack.PartnerAsync($"Ander {Guid.NewGuid():N}"[..16]);
        using (other)
        {
            await PartnerAttempts[endpoint](other, world);
        }
    }

    [Fact]
    public async Task Every_scoped_endpoint_has_its_refusal_case()
    {
        var scoped = (await EndpointDeclarationTests.AllAsync(stack)).Where(e => e.Endpoint.Scopes.Count > 0).ToList();
        var cases = new Dictionary<string, IEnumerable<string>> { ["team"] = TeamAttempts.Keys, ["volunteer"] = VolunteerAttempts.Keys, ["partner"] = PartnerAttempts.Keys };
        var missing = scoped.SelectMany(e => e.Endpoint.Scopes.Select(scope => (Scope: scope, Key: $"{e.Endpoint.Method} {e.Endpoint.Route}")))
            .Where(s => !cases[s.Scope].Contains(s.Key)).Select(s => $"{s.Scope}: {s.Key}").ToList();
        Assert.Empty(missing);
        // And the other way round: each case names an endpoint that exists and applies that scope.
        var stale = cases.SelectMany(c => c.Value.Where(key => !scoped.Any(e => $"{e.Endpoint.Method} {e.Endpoint.Route}" == key && e.Endpoint.Scopes.Contains(c.Key)))
            .Select(key => $"{c.Key}: {key}")).ToList();
        Assert.Empty(stale);
    }
}
