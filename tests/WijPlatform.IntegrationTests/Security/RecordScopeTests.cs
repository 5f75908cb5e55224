using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>Object-level rules: a team sees its own cases, a regisseur the full plan, a volunteer their own records.</summary>
public sealed class RecordScopeTests(StackFixture stack)
{
    private const string Centrum = "Groningen Centrum";
    private const string Noordwest = "Groningen Noordwest";

    private HttpClient Professional(string team, Guid? professionalId = null) =>
        stack.As("professional", new Dictionary<string, string> { ["team"] = team, ["professional_id"] = (professionalId ?? Guid.NewGuid()).ToString() }, subject: $"pro-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_professional_of_team_A_cannot_read_team_Bs_case_or_list_its_cases()
    {
        var intake = new IntakeApi(stack);
        var postcode = IntakeApi.UniquePostcode("9712");
        var resident = (await intake.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber())).GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(resident, postcode);

        using var centrum = Professional(Centrum);
        using var noordwest = Professional(Noordwest);
        Assert.Equal(HttpStatusCode.OK, (await centrum.GetAsync($"/api/intake/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await centrum.GetAsync($"/api/intake/cases/{caseId}/timeline")).StatusCode);

        foreach (var path in new[] { $"/api/intake/cases/{caseId}", $"/api/intake/cases/{caseId}/timeline", $"/api/intake/cases/{caseId}/referrals" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await noordwest.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await noordwest.PostAsJsonAsync($"/api/intake/cases/{caseId}/notes", new { text = "Niet mijn wijk." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await noordwest.GetAsync($"/api/intake/cases?neighbourhood={Uri.EscapeDataString(Centrum)}")).StatusCode);

        // Lists without a filter show the caller's own team only.
        var theirs = await noordwest.GetFromJsonAsync<JsonElement>("/api/intake/worklists/open-cases?pageSize=100");
        Assert.All(theirs.GetProperty("items").EnumerateArray(), c => Assert.Equal(Noordwest, c.GetProperty("neighbourhood").GetString()));
        var ours = await centrum.GetFromJsonAsync<JsonElement>($"/api/intake/cases?householdId={await HouseholdOfAsync(intake, resident)}");
        Assert.Contains(ours.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
    }

    [Fact]
    public async Task Only_the_regisseur_sees_the_full_plan_other_team_members_see_it_without_personal_notes()
    {
        var intake = new IntakeApi(stack);
        var postcode = IntakeApi.UniquePostcode("9712");
        var resident = (await intake.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber())).GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(resident, postcode);
        var household = await HouseholdOfAsync(intake, resident);
        var regisseur = await intake.RegisterProfessionalAsync();
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/triage", new { });
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId = regisseur });
        await intake.PostOkAsync($"/api/intake/households/{household}/plan/strengths", new { description = "Dochter komt elke week langs." });
        await intake.PostOkAsync($"/api/intake/households/{household}/plan/concerns", new { description = "Schulden bij de energieleverancier." });

        using var asRegisseur = Professional(Centrum, regisseur);
        var full = await asRegisseur.GetFromJsonAsync<JsonElement>($"/api/intake/households/{household}/plan");
        Assert.False(full.GetProperty("limited").GetBoolean());
        Assert.Equal(1, full.GetProperty("concerns").GetArrayLength());

        using var colleague = Professional(Centrum);
        var limited = await colleague.GetFromJsonAsync<JsonElement>($"/api/intake/households/{household}/plan");
        Assert.True(limited.GetProperty("limited").GetBoolean());
        Assert.Equal(0, limited.GetProperty("concerns").GetArrayLength());
        Assert.Equal(0, limited.GetProperty("strengths").GetArrayLength());
        Assert.DoesNotContain("Schulden", limited.GetRawText());

        using var otherTeam = Professional(Noordwest);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.GetAsync($"/api/intake/households/{household}/plan")).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_sees_their_own_tasks_and_nobody_elses()
    {
        async Task<Guid> VolunteerAsync(string firstName)
        {
            using var coordinator = stack.Coordinator();
            var response = await coordinator.PostAsJsonAsync("/api/matching/volunteers", new
            {
                firstName,
                talents = Array.Empty<string>(),
                otherTalents = new[] { $"scope-{Guid.NewGuid():N}"[..20] },
                postcode = "3705 AB",
                street = "Brugakker",
                travelMode = "bike",
                availability = new[] { new { day = "tuesday", from = "13:00", until = "17:00" } },
                languages = new[] { "nl" },
                maxActiveMatches = 2,
                vogStatus = "none",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        var mine = await VolunteerAsync("Kees");
        var theirs = await VolunteerAsync("Joke");
        using var volunteer = stack.As("volunteer", new Dictionary<string, string> { ["volunteer_id"] = mine.ToString() }, subject: $"vol-{mine:N}");

        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync($"/api/matching/volunteers/{mine}/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/matching/volunteers/{theirs}/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/matching/volunteers/{mine}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/matching/volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/matching/matches")).StatusCode);
    }

    private static async Task<Guid> HouseholdOfAsync(IntakeApi intake, Guid resident) =>
        (await intake.GetAsync($"/api/intake/residents/{resident}")).GetProperty("householdId").GetGuid();
}
