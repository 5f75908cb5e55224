using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>Volunteers act for themselves: they say yes to a proposal, and residents sign up as volunteers.</summary>
public sealed class VolunteersActTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();

    private static string UniqueTalent() => $"t-{Guid.NewGuid():N}"[..20];

    private HttpClient Resident(Guid residentId, string name) =>
        stack.As("resident", new Dictionary<string, string> { ["name"] = name, ["resident_id"] = residentId.ToString() }, subject: $"resident-{residentId:N}");

    [Fact]
    public async Task A_volunteer_accepts_a_proposal_themselves_and_the_referral_shows_it_accepted()
    {
        var intake = new IntakeApi(stack, "Zeist Centrum");
        var talent = UniqueTalent();
        var volunteerId = (await Ok(_coordinator.PostAsJsonAsync("/api/matching/volunteers",
            new { firstName = "Wim", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 CD", travelMode = "bike" }))).GetProperty("id").GetGuid();
        var resident = await intake.RegisterResidentAsync("3701 AB", IntakeApi.UniqueHouseNumber(), "Cor");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, "3701 AB");
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });
        var referralId = (await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent })).GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{referralId}");
        if ((await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={referralId}")).GetProperty("totalCount").GetInt64() == 0)
        {
            await Ok(_coordinator.PostAsJsonAsync($"/api/matching/requests/{referralId}/proposals", new { volunteerId }));
        }
        var matchId = (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={referralId}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        // Another volunteer cannot answer for Wim; Wim says yes himself, once.
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Volunteer(Guid.NewGuid(), "Kees").PostAsync($"/api/matching/matches/{matchId}/accept", null)).StatusCode);
        var wim = stack.Volunteer(volunteerId, "Wim");
        var accepted = await Ok(wim.PostAsync($"/api/matching/matches/{matchId}/accept", null));
        Assert.Equal("proposed", accepted.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, accepted.GetProperty("acceptedAt").ValueKind);
        var twice = await IntakeApi.ProblemAsync(await wim.PostAsync($"/api/matching/matches/{matchId}/accept", null), HttpStatusCode.Conflict);
        Assert.Equal("Al geaccepteerd.", twice.GetProperty("title").GetString());

        // The regisseur sees the yes on the referral and the timeline.
        await StackFixture.EventuallyAsync(async () => (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{referralId}")).GetProperty("status").GetString() == "accepted");
        Assert.Contains("volunteer-accepted", IntakeApi.Kinds(await intake.TimelineAsync(caseId)));

        // The coordinator introduces them; a volunteer cannot skip that step.
        Assert.Equal(HttpStatusCode.Forbidden, (await wim.PostAsync($"/api/matching/matches/{matchId}/introduce", null)).StatusCode);
        await Ok(_coordinator.PostAsync($"/api/matching/matches/{matchId}/introduce", null));
        await StackFixture.EventuallyAsync(async () => (await intake.GetAsync($"/api/intake/cases/{caseId}/referrals/{referralId}")).GetProperty("status").GetString() == "introduced");
    }

    [Fact]
    public async Task A_resident_signs_up_as_a_volunteer_and_is_proposed_only_after_the_coordinator_approves_with_a_valid_VOG()
    {
        var talent = UniqueTalent();
        var residentId = Guid.NewGuid();
        var resident = Resident(residentId, "Ilse");
        var application = new { firstName = "Ilse", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 EF", travelMode = "foot" };

        // Only a resident signed in as themselves applies; a VOG is not theirs to declare.
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Desk().PostAsJsonAsync("/api/matching/volunteer-applications", application)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.As("resident", new Dictionary<string, string> { ["name"] = "Zonder id" }).PostAsJsonAsync("/api/matching/volunteer-applications", application)).StatusCode);
        var selfDeclared = await IntakeApi.ProblemAsync(await resident.PostAsJsonAsync("/api/matching/volunteer-applications",
            new { firstName = "Ilse", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 EF", travelMode = "foot", vogStatus = "valid" }), HttpStatusCode.BadRequest);
        Assert.True(selfDeclared.GetProperty("errors").TryGetProperty("vogStatus", out _));

        var applied = await Ok(resident.PostAsJsonAsync("/api/matching/volunteer-applications", application));
        var volunteerId = applied.GetProperty("volunteerId").GetGuid();
        Assert.Equal(("pending", "none"), (applied.GetProperty("status").GetString(), applied.GetProperty("vogStatus").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync("/api/matching/volunteer-applications", application)).StatusCode);
        Assert.Equal("pending", (await Ok(resident.GetAsync("/api/matching/volunteer-applications/mine"))).GetProperty("status").GetString());
        Assert.Contains(await AllPages.ItemsAsync(_coordinator, "/api/matching/volunteer-applications?status=pending"), a => a.GetProperty("volunteerId").GetGuid() == volunteerId);

        // Waiting for approval she is neither a candidate nor proposable.
        var requestId = (await Ok(_coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3701 AB" }))).GetProperty("id").GetGuid();
        Assert.DoesNotContain((await Ok(_coordinator.GetAsync($"/api/matching/requests/{requestId}/candidates"))).EnumerateArray(), c => c.GetProperty("volunteerId").GetGuid() == volunteerId);
        Assert.Equal(HttpStatusCode.Conflict, (await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId })).StatusCode);

        // No approval without a valid VOG; with it, she is active, told so, and can be proposed.
        var noVog = await IntakeApi.ProblemAsync(await _coordinator.PostAsync($"/api/matching/volunteer-applications/{volunteerId}/approve", null), HttpStatusCode.Conflict);
        Assert.Contains("VOG", noVog.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsync($"/api/matching/volunteer-applications/{volunteerId}/approve", null)).StatusCode);
        await Ok(_coordinator.PutAsJsonAsync($"/api/matching/volunteers/{volunteerId}/vog", new { status = "valid", issuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)) }));
        Assert.Equal("approved", (await Ok(_coordinator.PostAsync($"/api/matching/volunteer-applications/{volunteerId}/approve", null))).GetProperty("status").GetString());
        Assert.Equal(("approved", "valid"), ((await Ok(resident.GetAsync("/api/matching/volunteer-applications/mine"))).GetProperty("status").GetString(),
            (await Ok(resident.GetAsync("/api/matching/volunteer-applications/mine"))).GetProperty("vogStatus").GetString()));
        Assert.Contains((await Ok(_coordinator.GetAsync($"/api/matching/requests/{requestId}/candidates"))).EnumerateArray(), c => c.GetProperty("volunteerId").GetGuid() == volunteerId);
        Assert.Equal(HttpStatusCode.Created, (await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId })).StatusCode);
    }
}
