using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>Why this volunteer: a proposal keeps the ranking's reasons, on the match and on the request's candidate list, so the coordinator can overrule it.</summary>
public sealed class WhyThisVolunteerTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();

    [Fact]
    public async Task The_proposal_keeps_its_reasons_on_the_match_and_leads_the_candidate_list_marked_proposed_until_the_coordinator_overrules_it()
    {
        var intake = new IntakeApi(stack, "Zeist Centrum");
        var talent = $"t-{Guid.NewGuid():N}"[..20];
        async Task<Guid> VolunteerAsync(string firstName, string postcode) =>
            (await Ok(_coordinator.PostAsJsonAsync("/api/matching/volunteers",
                new { firstName, talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode, travelMode = "bike" }))).GetProperty("id").GetGuid();
        var near = await VolunteerAsync("Wim", "3701 CD");
        var further = await VolunteerAsync("Kees", "3703 AB");
        var resident = await intake.RegisterResidentAsync("3701 AB", IntakeApi.UniqueHouseNumber(), "Cor");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, "3701 AB");
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });
        var requestId = (await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent })).GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{requestId}");
        var candidates = $"/api/matching/requests/{requestId}/candidates";
        if ((await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={requestId}")).GetProperty("totalCount").GetInt64() == 0)
        {
            // Not clear enough to propose by itself: the coordinator takes the top of the list.
            var top = (await Ok(_coordinator.GetAsync(candidates)))[0].GetProperty("volunteerId").GetGuid();
            await Ok(_coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId = top }));
        }
        var match = (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={requestId}")).GetProperty("items")[0];
        var matchId = match.GetProperty("id").GetGuid();
        var proposed = match.GetProperty("volunteerId").GetGuid();

        // The match says why: talent, distance, availability and load, with their points, and how far.
        var reasons = match.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "talent", "distance", "availability", "load" }, reasons.ToHashSet());
        Assert.Equal(JsonValueKind.Number, match.GetProperty("distanceKm").ValueKind);
        Assert.Equal(match.GetProperty("reasons").GetRawText(), (await Ok(_coordinator.GetAsync($"/api/matching/matches/{matchId}"))).GetProperty("reasons").GetRawText());

        // The candidate list shows the proposed volunteer first, marked, with the same reasons; the other one after.
        var list = (await Ok(_coordinator.GetAsync(candidates))).EnumerateArray().ToList();
        Assert.Equal((proposed, true), (list[0].GetProperty("volunteerId").GetGuid(), list[0].GetProperty("proposed").GetBoolean()));
        Assert.Equal(match.GetProperty("reasons").GetRawText(), list[0].GetProperty("reasons").GetRawText());
        var other = proposed == near ? further : near;
        Assert.False(Assert.Single(list, c => c.GetProperty("volunteerId").GetGuid() == other).GetProperty("proposed").GetBoolean());

        // The volunteer sees the task, not the ranking.
        Assert.Empty((await Ok(stack.Volunteer(proposed).GetAsync($"/api/matching/matches/{matchId}"))).GetProperty("reasons").EnumerateArray());

        // The coordinator overrules: the proposal is declined, the other volunteer proposed and now leads the list.
        await Ok(_coordinator.PostAsJsonAsync($"/api/matching/matches/{matchId}/decline", new { by = "resident" }));
        Assert.Equal(HttpStatusCode.Created, (await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId = other })).StatusCode);
        var after = (await Ok(_coordinator.GetAsync(candidates))).EnumerateArray().ToList();
        Assert.Equal((other, true), (after[0].GetProperty("volunteerId").GetGuid(), after[0].GetProperty("proposed").GetBoolean()));
        Assert.DoesNotContain(after, c => c.GetProperty("volunteerId").GetGuid() == proposed);
    }
}
