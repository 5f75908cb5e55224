using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Cafe;
using WijPlatform.IntegrationTests.Calendar;
using WijPlatform.IntegrationTests.Intake;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>
/// "One household, one plan, one regisseur": the regisseur writes an action into the plan that
/// is itself a referral (an activity, a volunteer, meal delivery), it goes out through the same
/// consent check as any referral, and the plan shows what the calendar, matching and the café answer.
/// </summary>
public sealed class PlanThatActsTests(StackFixture stack)
{
    private const string Team = "Zeist Centrum";

    private readonly HttpClient _coordinator = stack.Coordinator();
    private readonly HttpClient _cafe = stack.Cafe();

    [Fact]
    public async Task A_plan_action_that_is_a_referral_passes_the_consent_check_and_shows_the_live_answer_of_each_service()
    {
        var intake = new IntakeApi(stack, Team);
        var desk = stack.Desk();
        var regisseurId = await intake.RegisterProfessionalAsync("Fenna Regisseur");
        var regisseur = stack.Professional(Team, regisseurId, "Fenna Regisseur");
        var otherTeam = stack.Professional("Groningen Centrum", null, "Bram Wijkwerker");

        var resident = await intake.RegisterResidentAsync("3701 AB", IntakeApi.UniqueHouseNumber(), "Gerda", "Mulder");
        var residentId = resident.GetProperty("id").GetGuid();
        var householdId = resident.GetProperty("householdId").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, "3701 AB");
        await Ok(regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/triage", new { urgency = "normal" }));
        await Ok(regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId }));
        var plan = $"/api/intake/households/{householdId}/plan";
        await Ok(regisseur.PostAsJsonAsync($"{plan}/strengths", new { description = "Kookt graag, wil onder de mensen komen." }));
        var goalId = (await Ok(regisseur.PostAsJsonAsync($"{plan}/goals", new { description = "Minder alleen thuis." }))).GetProperty("id").GetGuid();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

        // The games afternoon is full: a neighbour signed up at the desk took the one seat.
        var monday = CalendarKit.RandomMonday();
        var activityId = (await CalendarKit.CreateAsync(_coordinator, CalendarKit.Games(CalendarKit.UniqueRoom(), CalendarKit.At(monday, 14), capacity: 1))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync($"/api/calendar/activities/{activityId}/signups", new { displayName = "Buurman Piet", channel = "desk" })).StatusCode);
        var toGames = new { goalId, description = "Spelletjesmiddag in het buurthuis", owner = "Gerda", dueDate = due, referral = new { kind = "activity", activityId } };

        // A field that belongs nowhere is refused by name, in the plan and on a plain referral, not ignored.
        var misplaced = await IntakeApi.ProblemAsync(await regisseur.PostAsJsonAsync($"{plan}/actions",
            new { goalId, description = "x", owner = "Gerda", dueDate = due, referral = new { kind = "activity", activityId, actionId = Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.Equal(["referral.actionId"], misplaced.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var onReferral = await IntakeApi.ProblemAsync(await regisseur.PostAsJsonAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "activity", activityId, actionId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        Assert.Equal(["actionId"], onReferral.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var invalid = await IntakeApi.ProblemAsync(await regisseur.PostAsJsonAsync($"{plan}/actions",
            new { goalId, description = "Wandelen", owner = "Gerda", dueDate = due, referral = new { kind = "volunteer", talent = "walk", weeklyOn = "tuesday" } }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("referral.weeklyFrom", out _));

        // Without her consent for the calendar the action is not written and nothing is sent.
        var refused = await IntakeApi.ProblemAsync(await regisseur.PostAsJsonAsync($"{plan}/actions", toGames), HttpStatusCode.Conflict);
        Assert.Contains("activity-signup", refused.GetProperty("detail").GetString());
        Assert.Empty(Actions(await Ok(regisseur.GetAsync(plan))));

        // Another team can neither read nor write this household's plan.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.PostAsJsonAsync($"{plan}/actions", toGames)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.GetAsync(plan)).StatusCode);

        foreach (var purpose in new[] { "activity-signup", "share-with-volunteer", "meal-delivery" })
        {
            await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose });
        }
        var gamesAction = (await Ok(regisseur.PostAsJsonAsync($"{plan}/actions", toGames))).GetProperty("id").GetGuid();

        // A weekly walk on Tuesday afternoons, with a volunteer who offers exactly that.
        var talent = $"wandel-{Guid.NewGuid():N}"[..20];
        var volunteerId = (await Ok(_coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = "Wim", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 CD", travelMode = "bike" }))).GetProperty("id").GetGuid();
        var walkAction = (await Ok(regisseur.PostAsJsonAsync($"{plan}/actions", new
        {
            goalId, description = "Wekelijks wandelen", owner = "vrijwilliger", dueDate = due,
            referral = new { kind = "volunteer", talent, weeklyOn = "tuesday", weeklyFrom = "14:00", durationMinutes = 90 },
        }))).GetProperty("id").GetGuid();
        var startsOn = CafeClient.FreshFutureDate();
        var mealAction = (await Ok(regisseur.PostAsJsonAsync($"{plan}/actions", new
        {
            goalId, description = "Warme maaltijd thuis", owner = "Café Noord", dueDate = due,
            referral = new { kind = "meal-delivery", weekdays = new[] { "monday", "thursday" }, startsOn },
        }))).GetProperty("id").GetGuid();

        // Each referral went out through the case, and the plan follows its answers.
        var walkReferral = ReferralOf(await Ok(regisseur.GetAsync(plan)), walkAction);
        Assert.Equal(caseId, walkReferral.GetProperty("caseId").GetGuid());
        var request = await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{walkReferral.GetProperty("id").GetGuid()}");
        Assert.Equal(("tuesday", 14 * 60, 90), (request.GetProperty("weeklyDay").GetString(), request.GetProperty("weeklyStartMinute").GetInt32(), request.GetProperty("durationMinutes").GetInt32()));
        if ((await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={walkReferral.GetProperty("id").GetGuid()}")).GetProperty("totalCount").GetInt64() == 0)
        {
            await Ok(_coordinator.PostAsJsonAsync($"/api/matching/requests/{walkReferral.GetProperty("id").GetGuid()}/proposals", new { volunteerId }));
        }
        var mealReferralId = ReferralOf(await Ok(regisseur.GetAsync(plan)), mealAction).GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(_cafe, $"/api/cafe/delivery-applications/{mealReferralId}");
        await Ok(_cafe.PostAsJsonAsync($"/api/cafe/delivery-applications/{mealReferralId}/accept", new { endsOn = startsOn.AddDays(20), paymentMethod = "monthly", decidedBy = "Café Noord, Ans" }));

        var expected = new Dictionary<Guid, string> { [gamesAction] = "waitlisted", [walkAction] = "proposed", [mealAction] = "accepted" };
        JsonElement current = default;
        await StackFixture.EventuallyAsync(async () =>
        {
            current = await Ok(regisseur.GetAsync(plan));
            return expected.All(e => ReferralOf(current, e.Key).GetProperty("status").GetString() == e.Value);
        });
        Assert.Equal(("activity", activityId.ToString()), (ReferralOf(current, gamesAction).GetProperty("kind").GetString(), ReferralOf(current, gamesAction).GetProperty("target").GetString()));
        var timeline = IntakeApi.Kinds(await intake.TimelineAsync(caseId));
        Assert.Equal(3, timeline.Count(k => k == "referral-sent"));
        Assert.Contains("activity-waitlisted", timeline);
    }

    private static IEnumerable<JsonElement> Actions(JsonElement plan) =>
        plan.GetProperty("goals").EnumerateArray().SelectMany(g => g.GetProperty("actions").EnumerateArray());

    private static JsonElement ReferralOf(JsonElement plan, Guid actionId) =>
        Actions(plan).Single(a => a.GetProperty("id").GetGuid() == actionId).GetProperty("referral");
}
