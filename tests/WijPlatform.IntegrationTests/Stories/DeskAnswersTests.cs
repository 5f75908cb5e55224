using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Calendar;
using WijPlatform.IntegrationTests.Intake;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>
/// "How is my question going?" at the desk: the desk sees the status of the resident's own
/// questions and referrals (never the plan or the notes), and records a new phone number or a move.
/// </summary>
public sealed class DeskAnswersTests(StackFixture stack)
{
    private const string Team = IntakeApi.Centrum;

    [Fact]
    public async Task The_desk_tells_a_resident_how_her_questions_and_referrals_are_going_without_the_plan_or_the_notes()
    {
        var intake = new IntakeApi(stack, Team);
        var desk = stack.Desk();
        var coordinator = stack.Coordinator();
        var regisseurId = await intake.RegisterProfessionalAsync("Fenna Regisseur");
        var regisseur = stack.Professional(Team, regisseurId, "Fenna Regisseur");
        var resident = await intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Hanna", "Kuipers");
        var residentId = resident.GetProperty("id").GetGuid();
        var householdId = resident.GetProperty("householdId").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, resident.GetProperty("postcode").GetString()!);
        await Ok(regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/triage", new { urgency = "normal" }));
        await Ok(regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId }));
        await Ok(regisseur.PostAsJsonAsync($"/api/intake/households/{householdId}/plan/concerns", new { description = "Somber sinds het overlijden van haar man." }));
        await Ok(regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/notes", new { text = "Vertrouwelijk: zoon drinkt." }));
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "activity-signup" });
        var activityId = (await CalendarKit.CreateAsync(coordinator, CalendarKit.Games(CalendarKit.UniqueRoom(), CalendarKit.At(CalendarKit.RandomMonday(), 14)))).GetProperty("id").GetGuid();
        var referralId = (await Ok(regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "activity", activityId }))).GetProperty("id").GetGuid();

        var questions = $"/api/intake/residents/{residentId}/questions";
        JsonElement answer = default;
        await StackFixture.EventuallyAsync(async () =>
            (answer = await Ok(desk.GetAsync(questions))).GetProperty("items")[0].GetProperty("referrals")[0].GetProperty("status").GetString() == "confirmed");
        var question = Assert.Single(answer.GetProperty("items").EnumerateArray());
        Assert.Equal((caseId, "assigned", "Fenna Regisseur"), (question.GetProperty("caseId").GetGuid(), question.GetProperty("status").GetString(), question.GetProperty("regisseur").GetString()));
        var referral = Assert.Single(question.GetProperty("referrals").EnumerateArray());
        Assert.Equal((referralId, "activity"), (referral.GetProperty("id").GetGuid(), referral.GetProperty("kind").GetString()));
        var text = answer.GetRawText();
        Assert.DoesNotContain("voelt zich", text);
        Assert.DoesNotContain("Somber", text);
        Assert.DoesNotContain("drinkt", text);

        // Nobody else learns how her questions go: not another team, not a volunteer or the coordinator.
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Professional("Zeist Oost").GetAsync(questions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(questions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Volunteer(Guid.NewGuid()).GetAsync(questions)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/intake/residents/{Guid.NewGuid()}/questions")).StatusCode);
    }

    [Fact]
    public async Task The_desk_records_a_new_phone_number_and_a_move_and_her_open_question_follows_her_to_the_new_team()
    {
        var centrum = new IntakeApi(stack, Team);
        var desk = stack.Desk();
        var resident = await centrum.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Truus", "de Vries");
        var residentId = resident.GetProperty("id").GetGuid();
        var caseId = await centrum.RegisterCaseAsync(residentId, resident.GetProperty("postcode").GetString()!);

        var invalid = await IntakeApi.ProblemAsync(await desk.PutAsJsonAsync($"/api/intake/residents/{residentId}/phone", new { phone = "bel mij maar" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("phone", out _));
        await Ok(desk.PutAsJsonAsync($"/api/intake/residents/{residentId}/phone", new { phone = "06 1234 5678" }));
        Assert.Equal("06 1234 5678", (await Ok(desk.GetAsync($"/api/intake/residents/{residentId}"))).GetProperty("phone").GetString());

        // She moves in with her sister in Zeist: before the move is recorded the household refuses her, after it she lives there.
        var zeist = new IntakeApi(stack, "Zeist Oost");
        var sister = await zeist.RegisterResidentAsync(IntakeApi.UniquePostcode("3705"), IntakeApi.UniqueHouseNumber(), "Riek", "de Vries");
        var sisterHousehold = sister.GetProperty("householdId").GetGuid();
        var notYet = await IntakeApi.ProblemAsync(await desk.PostAsJsonAsync($"/api/intake/households/{sisterHousehold}/members", new { residentId }), HttpStatusCode.Conflict);
        Assert.Contains($"/api/intake/residents/{residentId}/move", notYet.GetProperty("detail").GetString());
        var wrongAddress = await IntakeApi.ProblemAsync(await desk.PostAsJsonAsync($"/api/intake/residents/{residentId}/move",
            new { postcode = "3705 AB", houseNumber = "1", householdId = sisterHousehold }), HttpStatusCode.BadRequest);
        Assert.True(wrongAddress.GetProperty("errors").TryGetProperty("householdId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Professional("Zeist Oost").PostAsJsonAsync($"/api/intake/residents/{residentId}/move",
            new { postcode = sister.GetProperty("postcode").GetString(), houseNumber = sister.GetProperty("houseNumber").GetString(), householdId = sisterHousehold })).StatusCode);

        var moved = await Ok(desk.PostAsJsonAsync($"/api/intake/residents/{residentId}/move",
            new { postcode = sister.GetProperty("postcode").GetString(), houseNumber = sister.GetProperty("houseNumber").GetString(), householdId = sisterHousehold }));
        Assert.Equal((sisterHousehold, "Zeist Oost"), (moved.GetProperty("householdId").GetGuid(), moved.GetProperty("neighbourhood").GetString()));
        Assert.Equal(2, (await zeist.GetAsync($"/api/intake/households/{sisterHousehold}/members")).GetProperty("totalCount").GetInt64());

        // Her open question went with her: the Zeist team has it now, the Groningen team no longer sees her in full.
        var @case = await Ok(zeist.ProfessionalAs().GetAsync($"/api/intake/cases/{caseId}"));
        Assert.Equal((sisterHousehold, "Zeist Oost"), (@case.GetProperty("householdId").GetGuid(), @case.GetProperty("neighbourhood").GetString()));
        Assert.Contains("resident-moved", IntakeApi.Kinds(await zeist.TimelineAsync(caseId)));
        Assert.Equal(HttpStatusCode.Forbidden, (await centrum.ProfessionalAs().GetAsync($"/api/intake/cases/{caseId}")).StatusCode);
        Assert.True((await Ok(centrum.ProfessionalAs().GetAsync($"/api/intake/residents/{residentId}"))).GetProperty("limited").GetBoolean());
    }
}
