using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>
/// The cleaning company's "she may be getting lonely": the signal reaches the team's worklist, a
/// professional of that team triages it, only then does a volunteer home visit go out (unless the team
/// switched on automatic requests), and the volunteer's task carries the door and a way to get in touch
/// only with the resident's consent. The partner follows its own signal's status.
/// </summary>
public sealed class PartnerSignalVisitTests(StackFixture stack)
{
    [Fact]
    public async Task A_signal_waits_for_triage_by_the_right_team_then_the_volunteer_gets_name_street_house_number_and_phone_with_consent()
    {
        var intake = new IntakeApi(stack, "Zeist Noord");
        var postcode = IntakeApi.UniquePostcode("3707");
        var number = IntakeApi.UniqueHouseNumber();
        var resident = await intake.RegisterResidentAsync(postcode, number, "Geertruida", "Visser");
        var residentId = resident.GetProperty("id").GetGuid();
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });

        var (cleaner, _, _) = await stack.PartnerAsync($"Het Sopje {Guid.NewGuid():N}"[..20]);
        var submitted = await cleaner.PostAsJsonAsync("/api/intake/signals", new { partner = "Het Sopje", postcode, houseNumber = number, concern = "Mevrouw lijkt eenzaam te worden." });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var signalId = (await submitted.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var signalPath = $"/api/intake/signals/{signalId}";
        Assert.Equal("received", (await Ok(cleaner.GetAsync(signalPath))).GetProperty("status").GetString());

        // On the team's worklist, waiting; nothing has gone to matching yet.
        var team = stack.Professional("Zeist Noord", name: "Wijkwerker Noord");
        var waiting = Assert.Single(await AllPages.ItemsAsync(team, "/api/intake/signals/awaiting-triage"), s => s.GetProperty("id").GetGuid() == signalId);
        Assert.Equal("Mevrouw lijkt eenzaam te worden.", waiting.GetProperty("concern").GetString());
        var caseId = waiting.GetProperty("caseId").GetGuid();
        Assert.Equal(0, (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals")).GetProperty("totalCount").GetInt32());

        // Another team neither sees nor triages it.
        var otherTeam = stack.Professional("Groningen Centrum", name: "Wijkwerker Centrum");
        Assert.DoesNotContain(await AllPages.ItemsAsync(otherTeam, "/api/intake/signals/awaiting-triage"), s => s.GetProperty("id").GetGuid() == signalId);
        await IntakeApi.ProblemAsync(await otherTeam.PostAsJsonAsync($"{signalPath}/triage", new { visit = true, residentId }), HttpStatusCode.Forbidden);
        Assert.Equal("received", (await Ok(cleaner.GetAsync(signalPath))).GetProperty("status").GetString());

        var triaged = await Ok(team.PostAsJsonAsync($"{signalPath}/triage", new { visit = true, residentId, note = "Buurvrouw kent haar." }));
        Assert.Equal("visit-requested", triaged.GetProperty("status").GetString());
        await IntakeApi.ProblemAsync(await team.PostAsJsonAsync($"{signalPath}/triage", new { visit = true }), HttpStatusCode.Conflict);
        Assert.Equal("visit-requested", (await Ok(cleaner.GetAsync(signalPath))).GetProperty("status").GetString());
        var (other, _, _) = await stack.PartnerAsync($"Thuiszorg {Guid.NewGuid():N}"[..20]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(signalPath)).StatusCode);

        var visitId = triaged.GetProperty("referralId").GetGuid();
        var task = await VisitAcceptedAsync(stack, visitId);
        Assert.Equal(("Geertruida", "Oude Ebbingestraat", number, "050 123 4567"),
            (task.GetProperty("firstName").GetString(), task.GetProperty("street").GetString(), task.GetProperty("houseNumber").GetString(), task.GetProperty("contact").GetString()));
        await StackFixture.EventuallyAsync(async () => (await Ok(cleaner.GetAsync(signalPath))).GetProperty("status").GetString() == "visit-planned");
        Assert.Contains("signal-triaged", IntakeApi.Kinds(await intake.TimelineAsync(caseId)));
    }

    [Fact]
    public async Task Without_the_residents_consent_the_volunteer_gets_the_visit_but_no_name_door_or_phone()
    {
        var intake = new IntakeApi(stack, "Zeist Noord");
        var postcode = IntakeApi.UniquePostcode("3706");
        var number = IntakeApi.UniqueHouseNumber();
        var residentId = (await intake.RegisterResidentAsync(postcode, number, "Hendrik", "Bos")).GetProperty("id").GetGuid();
        var (cleaner, _, _) = await stack.PartnerAsync($"Het Sopje {Guid.NewGuid():N}"[..20]);
        var signalId = (await Ok(cleaner.PostAsJsonAsync("/api/intake/signals", new { partner = "Het Sopje", postcode, houseNumber = number, concern = "Meneer doet niet meer open." }))).GetProperty("id").GetGuid();

        var team = stack.Professional("Zeist Noord", name: "Wijkwerker Noord");
        var triaged = await Ok(team.PostAsJsonAsync($"/api/intake/signals/{signalId}/triage", new { visit = true, residentId }));
        var task = await VisitAcceptedAsync(stack, triaged.GetProperty("referralId").GetGuid());
        Assert.Equal("home-visit", task.GetProperty("talent").GetString());
        foreach (var field in new[] { "firstName", "street", "houseNumber", "contact" })
        {
            Assert.Equal(JsonValueKind.Null, task.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task A_team_that_switched_on_automatic_requests_sends_the_visit_at_once_and_only_its_own_professionals_may_switch_it()
    {
        const string zuid = "Zeist Zuid";
        var settings = $"/api/intake/teams/{Uri.EscapeDataString(zuid)}/settings";
        var team = stack.Professional(zuid, name: "Wijkwerker Zuid");
        await IntakeApi.ProblemAsync(await stack.Professional("Zeist Noord", name: "Wijkwerker Noord").PutAsJsonAsync(settings, new { automaticVisitRequests = true }), HttpStatusCode.Forbidden);
        Assert.False((await Ok(team.GetAsync(settings))).GetProperty("automaticVisitRequests").GetBoolean());
        var switched = await Ok(team.PutAsJsonAsync(settings, new { automaticVisitRequests = true }));
        Assert.Equal("Wijkwerker Zuid (professional)", switched.GetProperty("setBy").GetString());
        try
        {
            var (cleaner, _, _) = await stack.PartnerAsync($"Het Sopje {Guid.NewGuid():N}"[..20]);
            var (postcode, number) = (IntakeApi.UniquePostcode("3708"), IntakeApi.UniqueHouseNumber());
            var signal = await Ok(cleaner.PostAsJsonAsync("/api/intake/signals", new { partner = "Het Sopje", postcode, houseNumber = number, concern = "Zorgen." }));
            Assert.Equal("visit-requested", signal.GetProperty("status").GetString());
            var signalId = signal.GetProperty("id").GetGuid();
            Assert.DoesNotContain(await AllPages.ItemsAsync(team, "/api/intake/signals/awaiting-triage"), s => s.GetProperty("id").GetGuid() == signalId);
            var intake = new IntakeApi(stack, zuid);
            var household = (await intake.GetAsync($"/api/intake/households?postcode={Uri.EscapeDataString(postcode)}&houseNumber={number}")).GetProperty("items")[0].GetProperty("id").GetGuid();
            var caseId = (await intake.GetAsync($"/api/intake/cases?householdId={household}")).GetProperty("items")[0].GetProperty("id").GetGuid();
            var referral = (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals")).GetProperty("items")[0];
            var request = await StackFixture.EventuallyGetAsync(stack.Coordinator(), $"/api/matching/requests/{referral.GetProperty("id").GetGuid()}");
            Assert.Equal("home-visit", request.GetProperty("talent").GetString());
        }
        finally
        {
            await Ok(team.PutAsJsonAsync(settings, new { automaticVisitRequests = false }));
        }
    }

    /// <summary>
    /// The visit reaches matching and a volunteer (proposed automatically, or by the coordinator) accepts
    /// it; what that volunteer sees of it, through their own task list.
    /// </summary>
    internal static async Task<JsonElement> VisitAcceptedAsync(StackFixture stack, Guid visitId)
    {
        var coordinator = stack.Coordinator();
        await StackFixture.EventuallyGetAsync(coordinator, $"/api/matching/requests/{visitId}");
        var matches = await Ok(coordinator.GetAsync($"/api/matching/matches?requestId={visitId}"));
        Guid volunteerId, matchId;
        if (matches.GetProperty("totalCount").GetInt64() > 0)
        {
            (volunteerId, matchId) = (matches.GetProperty("items")[0].GetProperty("volunteerId").GetGuid(), matches.GetProperty("items")[0].GetProperty("id").GetGuid());
        }
        else
        {
            volunteerId = (await Ok(coordinator.PostAsJsonAsync("/api/matching/volunteers",
                new { firstName = "Joke", talents = new[] { "home-visit" }, postcode = "3707 AB", travelMode = "bike" }))).GetProperty("id").GetGuid();
            await Ok(coordinator.PutAsJsonAsync($"/api/matching/volunteers/{volunteerId}/vog", new { status = "valid", issuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)) }));
            matchId = (await Ok(coordinator.PostAsJsonAsync($"/api/matching/requests/{visitId}/proposals", new { volunteerId }))).GetProperty("id").GetGuid();
        }
        var volunteer = stack.Volunteer(volunteerId, "Joke");
        await Ok(volunteer.PostAsync($"/api/matching/matches/{matchId}/accept", null));
        return Assert.Single(await AllPages.ItemsAsync(volunteer, $"/api/matching/volunteers/{volunteerId}/tasks"), t => t.GetProperty("matchId").GetGuid() == matchId);
    }
}
