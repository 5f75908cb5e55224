namespace WijPlatform.Intake.Apis;

/// <summary>A case's lifecycle and timeline: registered → triaged → assigned → plan in progress → closed, and reopen.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/cases").WithTags("Cases").RequireRoles(WijRoles.Professional).Audited("case");
        api.MapGet("/", ListCases).WithSummary("The cases of the caller's team, newest first; filter by status, neighbourhood, regisseurId or householdId");
        api.MapGet("/{id:guid}", async Task<Results<Ok<HelpRequest>, ProblemHttpResult>> (Guid id, TeamScope scope, CaseStore store, CancellationToken ct) =>
            (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("case", id))).WithSummary("One case");
        api.MapGet("/{id:guid}/timeline", async Task<Results<Ok<Page<CaseEvent>>, ProblemHttpResult>> (Guid id, [AsParameters] PageRequest page, TeamScope scope, CaseStore store, CancellationToken ct) =>
                (await store.TimelineAsync(id, scope, page, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("case", id)))
            .WithSummary("Everything that happened on the case, oldest first, with who did it");

        api.MapPost("/{id:guid}/triage", Triage).WithSummary("Triage: confirm or correct the domains and the urgency");
        api.MapPost("/{id:guid}/assign", Assign).WithSummary("Assign the household's regisseur (a registered professional)");
        api.MapPost("/{id:guid}/start-plan", async (Guid id, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            (await changer.ChangeAsync(id, CaseAction.StartPlan, caller.Display, scope, c => c, _ => default, ct)).Answer(TypedResults.Ok)).WithSummary("The regisseur starts working on the household plan");
        api.MapPost("/{id:guid}/close", async (Guid id, CloseCase request, Caller caller, TeamScope scope, CaseChanger changer, TimeProvider clock, CancellationToken ct) =>
            (await changer.ChangeAsync(id, CaseAction.Close, caller.Display, scope, c => c with { Outcome = request.Outcome, ClosedAt = clock.GetUtcNow().UtcDateTime },
                c => (new Text("intake.timeline.closed", IntakeWords.Outcomes.Of(c.Outcome!)), request.Note), ct)).Answer(TypedResults.Ok)).WithSummary("Close the case with an outcome");
        api.MapPost("/{id:guid}/reopen", async (Guid id, ReopenCase request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            (await changer.ChangeAsync(id, CaseAction.Reopen, caller.Display, scope, c => c with { Outcome = null, ClosedAt = null }, _ => (null, request.Reason), ct)).Answer(TypedResults.Ok)).WithSummary("Reopen a closed case");

        api.MapPost("/{id:guid}/notes", async (Guid id, AddCaseNote request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            (await changer.RecordAsync(id, "note", null, request.Text, caller.Display, scope, ct)).Answer(Recorded)).WithSummary("Add a note to the timeline");
        api.MapPost("/{id:guid}/contacts", async (Guid id, RecordContact request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct) =>
            (await changer.RecordAsync(id, "contact", new Text("intake.timeline.contact", IntakeWords.ContactWays.Of(request.Way)), request.Summary, caller.Display, scope, ct)).Answer(Recorded)).WithSummary("Record contact with the household (it resets the no-contact worklist)");
        return api;
    }

    private static Created<CaseEvent> Recorded(CaseEvent recorded) => TypedResults.Created($"/api/intake/cases/{recorded.CaseId}/timeline", recorded);

    public static async Task<Results<Ok<Page<HelpRequest>>, ProblemHttpResult>> ListCases(
        [AsParameters] PageRequest page, string? status, string? neighbourhood, Guid? regisseurId, Guid? householdId, TeamScope scope, CaseStore store, CancellationToken ct) =>
        OtherTeam(scope, neighbourhood) ?? (Results<Ok<Page<HelpRequest>>, ProblemHttpResult>)TypedResults.Ok(await store.ListAsync(scope, status, neighbourhood, regisseurId, householdId, openOnly: false, page, ct));

    /// <summary>A list filtered on another team's neighbourhood is refused outright rather than answered empty.</summary>
    internal static ProblemHttpResult? OtherTeam(TeamScope scope, string? neighbourhood) =>
        neighbourhood is not null && !scope.Covers(neighbourhood) ? Problems.Forbidden("intake.you-see-cases-your") : null;

    public static async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> Triage(
        Guid id, TriageCase request, Caller caller, TeamScope scope, CaseChanger changer, CancellationToken ct)
    {
        if (Domains.Unknown(request.Domains) is { } unknown)
        {
            return Problems.Invalid("domains", unknown);
        }
        return (await changer.ChangeAsync(id, CaseAction.Triage, caller.Display, scope, c => c with
        {
            Domains = request.Domains is { Length: > 0 } domains ? Domains.Normalise(domains) : c.Domains,
            Urgency = request.Urgency ?? c.Urgency,
        }, c => (new Text("intake.timeline.triaged", IntakeWords.Domains.List(c.Domains), IntakeWords.Urgencies.Of(c.Urgency)), null), ct)).Answer(TypedResults.Ok);
    }

    /// <summary>
    /// Assigns the case's regisseur, who is the household's: the first assignment makes them the
    /// household's regisseur (its other open cases follow); another professional than the
    /// household's is refused with who it is, since changing them is an explicit hand-over.
    /// </summary>
    public static async Task<Results<Ok<HelpRequest>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignCase request, Caller caller, TeamScope scope, ResidentStore professionals, CaseChanger changer, CancellationToken ct)
    {
        if (await professionals.FindProfessionalAsync(request.RegisseurId, ct) is not { } regisseur)
        {
            return Problems.Invalid("regisseurId", new Text("intake.there-no-professional-register", request.RegisseurId));
        }
        return (await changer.AssignAsync(id, regisseur, caller.Display, scope, ct)).Answer(TypedResults.Ok);
    }
}

public sealed record TriageCase(
    [property: MaxLength(10), ItemLength(50)] string[]? Domains = null,
    [property: AllowedValues(null, Urgency.Low, Urgency.Normal, Urgency.High, Urgency.Crisis)] string? Urgency = null);

public sealed record AssignCase(Guid RegisseurId);

public sealed record CloseCase(
    [property: Required, AllowedValues("resolved", "referred-elsewhere", "own-network", "declined", "no-contact", "moved", "deceased")] string Outcome,
    [property: StringLength(2000)] string? Note = null);

public sealed record ReopenCase([property: Required, StringLength(2000, MinimumLength = 1)] string Reason);

public sealed record AddCaseNote([property: Required, StringLength(4000, MinimumLength = 1)] string Text);

public sealed record RecordContact(
    [property: Required, AllowedValues("phone", "email", "letter", "home-visit", "desk", "via-informal-carer")] string Way,
    [property: Required, StringLength(2000, MinimumLength = 1)] string Summary)
{
    public static readonly string[] Ways = ["phone", "email", "letter", "home-visit", "desk", "via-informal-carer"];
}
