using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>
/// "One household, one plan, one regisseur": whichever case a question opens, the household has
/// one regisseur; a second question joins them, and changing them is an explicit hand-over.
/// </summary>
public sealed class OneRegisseurTests(StackFixture stack)
{
    private const string Team = IntakeApi.Centrum;

    [Fact]
    public async Task A_second_question_of_a_household_joins_its_regisseur_and_only_an_explicit_hand_over_changes_who_sees_the_full_plan()
    {
        var intake = new IntakeApi(stack, Team);
        var desk = stack.Desk();
        var fennaId = await intake.RegisterProfessionalAsync("Fenna Regisseur");
        var joostId = await intake.RegisterProfessionalAsync("Joost Opvolger");
        var fenna = stack.Professional(Team, fennaId, "Fenna Regisseur");
        var joost = stack.Professional(Team, joostId, "Joost Opvolger");
        var otherTeam = stack.Professional("Zeist Oost", null, "Bram Wijkwerker");

        var postcode = IntakeApi.UniquePostcode();
        var houseNumber = IntakeApi.UniqueHouseNumber();
        var mother = await intake.RegisterResidentAsync(postcode, houseNumber, "Hanna", "Kuipers");
        var householdId = mother.GetProperty("householdId").GetGuid();
        var son = await intake.RegisterResidentAsync(postcode, houseNumber, "Daan", "Kuipers", householdId);
        var regisseurPath = $"/api/intake/households/{householdId}/regisseur";
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync(regisseurPath)).StatusCode);

        var first = await intake.RegisterCaseAsync(mother.GetProperty("id").GetGuid(), postcode);
        await Ok(fenna.PostAsJsonAsync($"/api/intake/cases/{first}/triage", new { urgency = "normal" }));
        await Ok(fenna.PostAsJsonAsync($"/api/intake/cases/{first}/assign", new { regisseurId = fennaId }));

        // The son asks about debts at the desk: the desk is told at once who the household's regisseur is.
        var second = await Ok(desk.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "desk", domains = new[] { "financien" }, description = "Zoon heeft schulden.", residentId = son.GetProperty("id").GetGuid(),
        }));
        var secondId = second.GetProperty("id").GetGuid();
        Assert.Equal(("assigned", fennaId), (second.GetProperty("status").GetString(), second.GetProperty("regisseurId").GetGuid()));
        Assert.Equal("Fenna Regisseur", second.GetProperty("householdRegisseur").GetProperty("name").GetString());
        Assert.Equal("Fenna Regisseur", (await Ok(desk.GetAsync(regisseurPath))).GetProperty("name").GetString());
        Assert.Contains("joined-household", IntakeApi.Kinds(await intake.TimelineAsync(secondId)));

        // A second regisseur for the same household is refused, naming the one it has.
        var refused = await IntakeApi.ProblemAsync(await joost.PostAsJsonAsync($"/api/intake/cases/{secondId}/assign", new { regisseurId = joostId }), HttpStatusCode.Conflict);
        Assert.Contains("Fenna Regisseur", refused.GetProperty("detail").GetString());
        Assert.False((await Ok(fenna.GetAsync($"/api/intake/households/{householdId}/plan"))).GetProperty("limited").GetBoolean());
        Assert.True((await Ok(joost.GetAsync($"/api/intake/households/{householdId}/plan"))).GetProperty("limited").GetBoolean());

        // Another team cannot take the household over; an unknown professional is a field error.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.PostAsJsonAsync(regisseurPath, new { regisseurId = joostId })).StatusCode);
        var unknown = await IntakeApi.ProblemAsync(await fenna.PostAsJsonAsync(regisseurPath, new { regisseurId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("regisseurId", out _));

        // The explicit hand-over: both cases follow, Fenna loses the full plan, Joost gets it, both timelines say so.
        var handedOver = await Ok(fenna.PostAsJsonAsync(regisseurPath, new { regisseurId = joostId, reason = "Fenna gaat met verlof." }));
        Assert.Equal(joostId, handedOver.GetProperty("regisseurId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, (await joost.PostAsJsonAsync(regisseurPath, new { regisseurId = joostId })).StatusCode);
        foreach (var caseId in new[] { first, secondId })
        {
            Assert.Equal(joostId, (await Ok(joost.GetAsync($"/api/intake/cases/{caseId}"))).GetProperty("regisseurId").GetGuid());
            var handOver = Assert.Single(await intake.TimelineAsync(caseId), e => e.GetProperty("kind").GetString() == "regisseur-handed-over");
            Assert.Equal("Overgedragen van Fenna Regisseur aan Joost Opvolger (WIJ-team Centrum). Fenna gaat met verlof.", handOver.GetProperty("detail").GetString());
            Assert.StartsWith("Fenna Regisseur", handOver.GetProperty("actor").GetString());
        }
        Assert.True((await Ok(fenna.GetAsync($"/api/intake/households/{householdId}/plan"))).GetProperty("limited").GetBoolean());
        Assert.False((await Ok(joost.GetAsync($"/api/intake/households/{householdId}/plan"))).GetProperty("limited").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await fenna.PostAsJsonAsync($"/api/intake/cases/{first}/assign", new { regisseurId = fennaId })).StatusCode);
    }
}
