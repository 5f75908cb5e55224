using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// What a professional sees of a resident of another neighbourhood team: the name, the date of birth
/// and the team to ask, so that nobody registers her twice; not her phone, her consents, who lives
/// with her, her cases or who looked at her file. The desk registers for every team and reads no case.
/// </summary>
public sealed class TeamScopeTests(StackFixture stack)
{
    private const string Noordwest = "Groningen Noordwest";

    private readonly IntakeApi _centrum = new(stack);

    private async Task<(Guid Resident, Guid Household, Guid Case, string LastName)> ResidentWithCaseAsync()
    {
        var lastName = $"Scope{Guid.NewGuid():N}"[..18];
        var postcode = IntakeApi.UniquePostcode();
        var resident = await _centrum.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber(), "Chloë", lastName);
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await _centrum.RegisterCaseAsync(residentId, postcode);
        await _centrum.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });
        return (residentId, resident.GetProperty("householdId").GetGuid(), caseId, lastName);
    }

    [Fact]
    public async Task A_professional_of_another_team_sees_the_name_and_date_of_birth_and_nothing_else_of_the_resident_or_her_case()
    {
        var (resident, household, caseId, lastName) = await ResidentWithCaseAsync();
        using var noordwest = stack.Professional(Noordwest);

        // Enough to know she exists and whom to ask.
        var card = await noordwest.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{resident}");
        Assert.Equal(("Chloë", lastName, "1941-05-17", "Groningen Centrum"),
            (card.GetProperty("firstName").GetString(), card.GetProperty("lastName").GetString(), card.GetProperty("dateOfBirth").GetString(), card.GetProperty("neighbourhood").GetString()));
        Assert.True(card.GetProperty("limited").GetBoolean());
        foreach (var hidden in new[] { "phone", "email", "householdId", "postcode", "houseNumber", "street", "preferredContact" })
        {
            Assert.Equal(JsonValueKind.Null, card.GetProperty(hidden).ValueKind);
        }
        var found = Assert.Single((await noordwest.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={lastName}")).GetProperty("items").EnumerateArray());
        Assert.True(found.GetProperty("limited").GetBoolean());
        Assert.DoesNotContain("050 123 4567", found.GetRawText());

        // Not where she lives and with whom, not her consents, her file's readers, her case.
        foreach (var path in new[]
        {
            $"/api/intake/households/{household}", $"/api/intake/households/{household}/members", $"/api/intake/residents/{resident}/consents",
            $"/api/intake/residents/{resident}/access-log", $"/api/intake/help-requests/{caseId}", $"/api/intake/cases/{caseId}", $"/api/intake/households/{household}/plan",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await noordwest.GetAsync(path)).StatusCode);
        }
        Assert.DoesNotContain(await AllPages.ItemsAsync(noordwest, "/api/intake/help-requests"), c => c.GetProperty("id").GetGuid() == caseId);
        Assert.All(await AllPages.ItemsAsync(noordwest, "/api/intake/help-requests"), c => Assert.Equal(Noordwest, c.GetProperty("neighbourhood").GetString()));
        var atHerAddress = await _centrum.GetAsync($"/api/intake/residents/{resident}");
        var byAddress = $"postcode={Uri.EscapeDataString(atHerAddress.GetProperty("postcode").GetString()!)}&houseNumber={atHerAddress.GetProperty("houseNumber").GetString()}";
        Assert.Empty((await noordwest.GetFromJsonAsync<JsonElement>($"/api/intake/residents?{byAddress}")).GetProperty("items").EnumerateArray());
        Assert.Empty((await noordwest.GetFromJsonAsync<JsonElement>($"/api/intake/households?{byAddress}")).GetProperty("items").EnumerateArray());

        // Her own team sees all of it.
        using var centrum = stack.Professional(IntakeApi.Centrum);
        var full = await centrum.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{resident}");
        Assert.Equal("050 123 4567", full.GetProperty("phone").GetString());
        Assert.False(full.GetProperty("limited").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await centrum.GetAsync($"/api/intake/help-requests/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task Open_case_counts_count_only_the_callers_own_team()
    {
        var (_, _, caseId, _) = await ResidentWithCaseAsync();
        var regisseur = await _centrum.RegisterProfessionalAsync();
        await _centrum.PostOkAsync($"/api/intake/cases/{caseId}/triage", new { });
        await _centrum.PostOkAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId = regisseur });

        using var noordwest = stack.Professional(Noordwest);
        var perNeighbourhood = await AllPages.ItemsAsync(noordwest, "/api/intake/worklists/open-case-counts");
        Assert.All(perNeighbourhood, c => Assert.Equal(Noordwest, c.GetProperty("key").GetString()));
        Assert.DoesNotContain(await AllPages.ItemsAsync(noordwest, "/api/intake/worklists/open-case-counts?by=regisseur"), c => c.GetProperty("key").GetString() == regisseur.ToString());

        using var centrum = stack.Professional(IntakeApi.Centrum);
        Assert.Contains(await AllPages.ItemsAsync(centrum, "/api/intake/worklists/open-case-counts?by=regisseur"), c => c.GetProperty("key").GetString() == regisseur.ToString());
        Assert.Equal([IntakeApi.Centrum], (await AllPages.ItemsAsync(centrum, "/api/intake/worklists/open-case-counts")).Select(c => c.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_professional_whose_token_names_no_team_sees_nothing_team_scoped()
    {
        var (resident, household, caseId, lastName) = await ResidentWithCaseAsync();
        using var teamless = stack.As("professional", new Dictionary<string, string> { ["name"] = "Invaller zonder team" }, subject: "pro-no-team");

        foreach (var path in new[] { $"/api/intake/cases/{caseId}", $"/api/intake/help-requests/{caseId}", $"/api/intake/households/{household}", $"/api/intake/residents/{resident}/consents" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await teamless.GetAsync(path)).StatusCode);
        }
        foreach (var list in new[] { "/api/intake/help-requests", "/api/intake/cases", "/api/intake/worklists/open-cases", "/api/intake/worklists/open-case-counts", "/api/intake/worklists/signals" })
        {
            Assert.Equal(0, (await teamless.GetFromJsonAsync<JsonElement>(list)).GetProperty("totalCount").GetInt64());
        }
        Assert.True((await teamless.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{resident}")).GetProperty("limited").GetBoolean());
        Assert.True(Assert.Single((await teamless.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={lastName}")).GetProperty("items").EnumerateArray()).GetProperty("limited").GetBoolean());
    }

    [Fact]
    public async Task The_desk_finds_every_teams_residents_to_avoid_a_second_registration_but_reads_no_case_or_plan()
    {
        var (resident, household, caseId, lastName) = await ResidentWithCaseAsync();
        using var desk = stack.Desk("Baliemedewerker Piet");

        var found = Assert.Single((await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={lastName}")).GetProperty("items").EnumerateArray());
        Assert.False(found.GetProperty("limited").GetBoolean());
        Assert.Equal("050 123 4567", found.GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/intake/households/{household}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/intake/residents/{resident}/consents")).StatusCode);
        foreach (var path in new[] { "/api/intake/help-requests", $"/api/intake/help-requests/{caseId}", $"/api/intake/cases/{caseId}", $"/api/intake/cases/{caseId}/timeline", $"/api/intake/households/{household}/plan" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_professional_of_another_team_cannot_erase_a_resident_and_nothing_is_erased()
    {
        var (resident, _, _, lastName) = await ResidentWithCaseAsync();
        using var noordwest = stack.Professional(Noordwest, name: "Wijkwerker Noordwest");

        var refused = await noordwest.PostAsJsonAsync($"/api/intake/residents/{resident}/erasure", new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var still = await _centrum.GetAsync($"/api/intake/residents/{resident}");
        Assert.Equal(lastName, still.GetProperty("lastName").GetString());
        Assert.Equal(JsonValueKind.Null, still.GetProperty("erasedAt").ValueKind);
        await using var db = await stack.OpenDatabaseAsync("intakedb");
        await using var erasures = new NpgsqlCommand("SELECT count(*) FROM erasures WHERE resident_id = $1", db) { Parameters = { new() { Value = resident } } };
        Assert.Equal(0L, await erasures.ExecuteScalarAsync());
        await using var outbox = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'WijPlatform.Contracts.ResidentErasureRequested,%' AND body->>'residentId' = $1::text", db)
        {
            Parameters = { new() { Value = resident } },
        };
        Assert.Equal(0L, await outbox.ExecuteScalarAsync());

        // Her own team may, when she asks.
        using var centrum = stack.Professional(IntakeApi.Centrum);
        Assert.Equal(HttpStatusCode.Accepted, (await centrum.PostAsJsonAsync($"/api/intake/residents/{resident}/erasure", new { })).StatusCode);
    }
}
