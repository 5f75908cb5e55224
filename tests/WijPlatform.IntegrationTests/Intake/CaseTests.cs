namespace WijPlatform.IntegrationTests.Intake;

public sealed class CaseTests(StackFixture stack)
{
    private readonly IntakeApi _intake = new(stack);

    [Fact]
    public async Task A_case_goes_from_registered_to_closed_and_back_and_the_timeline_shows_who_did_each_step()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber());
        var caseId = await _intake.RegisterCaseAsync(resident.GetProperty("id").GetGuid(), domains: ["eenzaamheid", "wonen"]);
        var regisseur = await _intake.RegisterProfessionalAsync();
        var path = $"/api/intake/cases/{caseId}";

        var tooEarly = await _intake.PostAsync($"{path}/assign", new { regisseurId = regisseur });
        Assert.Equal("Beoordeel de casus (triage) voordat u een regisseur toewijst.", (await IntakeApi.ProblemAsync(tooEarly, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var triaged = await _intake.PostOkAsync($"{path}/triage", new { urgency = "high" }, "wijkteam-bert");
        Assert.Equal("triaged", triaged.GetProperty("status").GetString());

        var unknown = await _intake.PostAsync($"{path}/assign", new { regisseurId = Guid.NewGuid() });
        Assert.True((await IntakeApi.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("regisseurId", out _));

        var assigned = await _intake.PostOkAsync($"{path}/assign", new { regisseurId = regisseur }, "teamlead-carla");
        Assert.Equal(regisseur, assigned.GetProperty("regisseurId").GetGuid());
        await _intake.PostOkAsync($"{path}/start-plan", new { }, "regisseur-sanne");
        await _intake.PostOkAsync($"{path}/notes", new { text = "Dochter woont in Assen, komt elke zondag." }, "regisseur-sanne");
        var closed = await _intake.PostOkAsync($"{path}/close", new { outcome = "own-network", note = "Buurvrouw wandelt mee." }, "regisseur-sanne");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("own-network", closed.GetProperty("outcome").GetString());

        var twice = await _intake.PostAsync($"{path}/close", new { outcome = "resolved" });
        Assert.Equal("De casus is gesloten; heropen hem eerst.", (await IntakeApi.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var badOutcome = await _intake.PostAsync($"{path}/reopen", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);

        var reopened = await _intake.PostOkAsync($"{path}/reopen", new { reason = "Buurvrouw verhuisd." }, "regisseur-sanne");
        Assert.Equal("assigned", reopened.GetProperty("status").GetString());
        Assert.Equal(regisseur, reopened.GetProperty("regisseurId").GetGuid());

        var timeline = await _intake.TimelineAsync(caseId);
        Assert.Equal(["registered", "triaged", "assigned", "plan-started", "note", "closed", "reopened"], IntakeApi.Kinds(timeline));
        // Who did it is the name and role in each caller's own token.
        Assert.Equal(new[] { $"{IntakeApi.Desk} (desk)" }.Concat(new[] { "wijkteam-bert", "teamlead-carla", "regisseur-sanne", "regisseur-sanne", "regisseur-sanne", "regisseur-sanne" }.Select(name => $"{name} (professional)")),
            timeline.Select(e => e.GetProperty("actor").GetString()));
        Assert.Contains("Sanne de Vries", timeline[2].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Two_parallel_closes_close_the_case_once()
    {
        var caseId = await _intake.RegisterCaseAsync(null);
        var closes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _intake.PostAsync($"/api/intake/cases/{caseId}/close", new { outcome = "resolved" })));
        Assert.Equal(1, closes.Count(c => c.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, closes.Count(c => c.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(IntakeApi.Kinds(await _intake.TimelineAsync(caseId)), k => k == "closed");
    }

    [Fact]
    public async Task A_missing_case_is_a_404_problem_for_every_step()
    {
        var missing = $"/api/intake/cases/{Guid.NewGuid()}";
        await IntakeApi.ProblemAsync(await _intake.PostAsync($"{missing}/triage", new { }), HttpStatusCode.NotFound);
        await IntakeApi.ProblemAsync(await _intake.PostAsync($"{missing}/notes", new { text = "x" }), HttpStatusCode.NotFound);
        await IntakeApi.ProblemAsync(await _intake.PostAsync($"{missing}/referrals", new { kind = "volunteer", talent = "walk" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_plan_puts_eigen_kracht_first_and_overdue_actions_reach_the_worklist()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Jan");
        var household = resident.GetProperty("householdId").GetGuid();
        var plan = $"/api/intake/households/{household}/plan";
        // The household's regisseur reads the whole plan; other team members see it without the personal notes.
        var caseId = await _intake.RegisterCaseAsync(resident.GetProperty("id").GetGuid());
        var regisseur = await _intake.RegisterProfessionalAsync();
        await _intake.PostOkAsync($"/api/intake/cases/{caseId}/triage", new { });
        await _intake.PostOkAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId = regisseur });
        using var asRegisseur = stack.Professional(_intake.Team, regisseur, "regisseur-sanne");

        var professionalFirst = await _intake.PostAsync($"{plan}/professionals", new { name = "Els", organisation = "Thuiszorg Noord", role = "wijkverpleegkundige" });
        Assert.Equal("Eerst eigen kracht.", (await IntakeApi.ProblemAsync(professionalFirst, HttpStatusCode.Conflict)).GetProperty("title").GetString());

        await _intake.PostOkAsync($"{plan}/concerns", new { description = "Komt de deur niet meer uit." });
        await _intake.PostOkAsync($"{plan}/network", new { name = "Marieke", relation = "buurvrouw", canHelpWith = "boodschappen op zaterdag" });
        await _intake.PostOkAsync($"{plan}/strengths", new { description = "Kookt nog zelf." });
        await _intake.PostOkAsync($"{plan}/professionals", new { name = "Els", organisation = "Thuiszorg Noord", role = "wijkverpleegkundige" });
        var goal = (await _intake.PostOkAsync($"{plan}/goals", new { description = "Wekelijks onder de mensen." })).GetProperty("id").GetGuid();
        var owner = $"regisseur-{Guid.NewGuid():N}";
        var action = (await _intake.PostOkAsync($"{plan}/actions", new { goalId = goal, description = "Aanmelden voor spelletjesmiddag", owner, dueDate = "2020-01-06" }, "regisseur-sanne"))
            .GetProperty("id").GetGuid();
        var noGoal = await _intake.PostAsync($"{plan}/actions", new { goalId = Guid.NewGuid(), description = "x", owner, dueDate = "2031-01-01" });
        Assert.True((await IntakeApi.ProblemAsync(noGoal, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("goalId", out _));

        var read = await asRegisseur.GetFromJsonAsync<JsonElement>(plan);
        Assert.Equal("Jan", read.GetProperty("members")[0].GetProperty("firstName").GetString());
        Assert.Equal("buurvrouw", read.GetProperty("informalNetwork")[0].GetProperty("relation").GetString());
        Assert.Equal(1, read.GetProperty("strengths").GetArrayLength());
        Assert.Equal("Thuiszorg Noord", read.GetProperty("professionals")[0].GetProperty("organisation").GetString());
        var planned = read.GetProperty("goals")[0].GetProperty("actions")[0];
        Assert.Equal(owner, planned.GetProperty("owner").GetString());
        Assert.Equal("regisseur-sanne (professional)", planned.GetProperty("recordedBy").GetString());

        var overdue = await _intake.GetAsync($"/api/intake/worklists/overdue-actions?owner={owner}");
        Assert.Equal(action, overdue.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, (await _intake.PostAsync($"{plan}/actions/{action}/complete", new { })).StatusCode);
        Assert.Equal(0, (await _intake.GetAsync($"/api/intake/worklists/overdue-actions?owner={owner}")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Worklists_show_open_cases_per_regisseur_and_households_nobody_contacted_for_weeks()
    {
        var intake = new IntakeApi(stack, "Zeist Noord");
        var resident = await intake.RegisterResidentAsync(IntakeApi.UniquePostcode("3706"), IntakeApi.UniqueHouseNumber());
        var household = resident.GetProperty("householdId").GetGuid();
        var caseId = await intake.RegisterCaseAsync(resident.GetProperty("id").GetGuid());
        var regisseur = await intake.RegisterProfessionalAsync("Fatima El Amrani");
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/triage", new { });
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/assign", new { regisseurId = regisseur });

        var mine = await intake.GetAsync($"/api/intake/worklists/open-cases?regisseurId={regisseur}&neighbourhood={Uri.EscapeDataString("Zeist Noord")}");
        Assert.Equal(caseId, mine.GetProperty("items")[0].GetProperty("id").GetGuid());
        var perRegisseur = await intake.GetAsync("/api/intake/worklists/open-case-counts?by=regisseur&pageSize=100");
        Assert.Contains(perRegisseur.GetProperty("items").EnumerateArray(), c => c.GetProperty("key").GetString() == regisseur.ToString() && c.GetProperty("openCases").GetInt64() == 1);

        async Task<bool> QuietAsync()
        {
            for (var page = 1; ; page++)
            {
                var quiet = await intake.GetAsync($"/api/intake/worklists/without-contact?weeks=2&page={page}&pageSize=100");
                if (quiet.GetProperty("items").EnumerateArray().Any(h => h.GetProperty("householdId").GetGuid() == household))
                {
                    return true;
                }
                if (!quiet.GetProperty("hasNextPage").GetBoolean())
                {
                    return false;
                }
            }
        }
        Assert.False(await QuietAsync());
        // Three weeks pass without contact.
        await intake.ExecuteInIntakeDatabaseAsync("UPDATE help_requests SET created_at = now() - interval '21 days' WHERE id = $1", caseId);
        Assert.True(await QuietAsync());
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/contacts", new { way = "home-visit", summary = "Op bezoek geweest, gaat redelijk." });
        Assert.False(await QuietAsync());

        await intake.PostOkAsync($"/api/intake/cases/{caseId}/close", new { outcome = "resolved" });
        Assert.Equal(0, (await intake.GetAsync($"/api/intake/worklists/open-cases?regisseurId={regisseur}")).GetProperty("totalCount").GetInt32());
        await IntakeApi.ProblemAsync(await intake.ProfessionalAs().GetAsync("/api/intake/worklists/without-contact"), HttpStatusCode.BadRequest);
    }
}
