using System.Net;
using System.Net.Http.Json;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>Names travel in any script, in tokens and bodies; nothing about a person is written into a header on the way.</summary>
public sealed class NonAsciiNameTests(StackFixture stack)
{
    private const string Name = "Chloë Jörg Café Дмитрий";

    [Fact]
    public async Task A_token_with_a_name_in_any_script_works_on_every_route()
    {
        var failures = new List<string>();
        foreach (var operation in await Operations.AllAsync(stack))
        {
            // A caller the operation admits, so that the request goes all the way through the gateway to the service.
            var role = operation.Roles.FirstOrDefault(r => r != "admin") ?? "admin";
            using var client = stack.As(role, new Dictionary<string, string>
            {
                ["name"] = Name, ["team"] = "Groningen Centrum", ["volunteer_id"] = Guid.NewGuid().ToString(), ["partner_org"] = "Zorggroep Noord",
            }, subject: $"non-ascii-{role}");
            using var response = await client.SendAsync(operation.Request());
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{role} → {operation}: {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Who_did_it_reaches_the_timeline_as_written()
    {
        var intake = new IntakeApi(stack);
        var postcode = IntakeApi.UniquePostcode();
        var resident = (await intake.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber(), "Дарья", "Ševčík")).GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(resident, postcode);
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/notes", new { text = "Gesprek gehad." }, "Chloë de Vries");
        using var desk = stack.Desk("Jörg Müller");
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/intake/residents/{resident}/consents", new { purpose = "activity-signup" })).StatusCode);

        var timeline = await intake.TimelineAsync(caseId);
        Assert.Equal(["desk-anna (desk)", "Chloë de Vries (professional)"], timeline.Select(e => e.GetProperty("actor").GetString()));
        var consents = await intake.GetAsync($"/api/intake/residents/{resident}/consents");
        Assert.Equal("Jörg Müller (desk)", consents.GetProperty("items")[0].GetProperty("recordedBy").GetString());
        Assert.Equal("Дарья", (await intake.GetAsync($"/api/intake/residents/{resident}")).GetProperty("firstName").GetString());
    }
}
