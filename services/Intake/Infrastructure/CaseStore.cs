namespace WijPlatform.Intake.Infrastructure;

/// <summary>Cases (help requests that were not answered on the spot), their timeline and the counted quick questions.</summary>
public sealed class CaseStore(NpgsqlDataSource db, TextCatalogue texts)
{
    public const string Columns =
        """
        id, channel, domains, urgency, postcode, description, talent, status, created_at AS CreatedAt, resident_id AS ResidentId,
        household_id AS HouseholdId, neighbourhood, on_behalf_of AS OnBehalfOf, regisseur_id AS RegisseurId, outcome, closed_at AS ClosedAt
        """;

    public void Insert(UnitOfWork work, HelpRequest request) =>
        work.Queue(
            """
            INSERT INTO help_requests (id, channel, domains, urgency, postcode, description, talent, status, created_at,
                                       resident_id, household_id, neighbourhood, on_behalf_of, regisseur_id)
            VALUES (@Id, @Channel, @Domains, @Urgency, @Postcode, @Description, @Talent, @Status, @CreatedAt,
                    @ResidentId, @HouseholdId, @Neighbourhood, @OnBehalfOf, @RegisseurId)
            """,
            request);

    public async Task<Scoped<HelpRequest>> FindAsync(Guid id, TeamScope scope, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return scope.Check(await session.QuerySingleOrDefaultAsync<HelpRequest>(
            $"SELECT {Columns} FROM help_requests WHERE id = @id", new { id }, cancellationToken: ct), c => c.Neighbourhood);
    }

    /// <summary>Reads the case and holds it until the unit of work ends, so two changes cannot interleave.</summary>
    public async Task<Scoped<HelpRequest>> LockAsync(UnitOfWork work, Guid id, TeamScope scope, CancellationToken ct) =>
        scope.Check(await work.QuerySingleOrDefaultAsync<HelpRequest>(
            $"SELECT {Columns} FROM help_requests WHERE id = @id FOR UPDATE", new { id }, cancellationToken: ct), c => c.Neighbourhood);

    public Task<HelpRequest?> OpenCaseOfHouseholdAsync(UnitOfWork work, Guid householdId, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<HelpRequest>(
            $"SELECT {Columns} FROM help_requests WHERE household_id = @householdId AND status <> 'closed' ORDER BY created_at LIMIT 1 FOR UPDATE",
            new { householdId }, cancellationToken: ct);

    /// <summary>How the resident's own questions are going: status, regisseur and the referrals' status; nothing of what was said.</summary>
    public async Task<Page<QuestionStatus>> QuestionsOfAsync(Guid residentId, PageRequest page, CancellationToken ct)
    {
        var questions = await db.QueryPageAsync<QuestionStatus>(
            "c.id AS CaseId, c.channel, c.domains, c.status, c.created_at AS RegisteredAt, c.outcome, c.closed_at AS ClosedAt, p.name AS Regisseur",
            "help_requests c LEFT JOIN professionals p ON p.id = c.regisseur_id WHERE c.resident_id = @residentId", "c.created_at DESC, c.id", new { residentId }, page, ct);
        var caseIds = questions.Items.Select(q => q.CaseId).ToArray();
        await using var session = await db.OpenSessionAsync(ct);
        var referrals = (await session.QueryAsync<ReferralStatus>(
            "SELECT id, case_id AS CaseId, kind, status, updated_at AS UpdatedAt FROM referrals WHERE case_id = ANY(@caseIds) ORDER BY created_at, id",
            new { caseIds }, cancellationToken: ct)).ToLookup(r => r.CaseId);
        return questions with { Items = questions.Items.Select(q => q with { Referrals = referrals[q.CaseId].ToList() }).ToList() };
    }

    /// <summary>The resident's own open cases follow them to their new household (and its team); returns them.</summary>
    public async Task<IReadOnlyList<Guid>> MoveOpenCasesAsync(UnitOfWork work, Guid residentId, Household household, CancellationToken ct) =>
        (await work.QueryAsync<Guid>(
            """
            UPDATE help_requests SET household_id = @Id, postcode = @Postcode, neighbourhood = @Neighbourhood
             WHERE resident_id = @residentId AND status <> 'closed'
            RETURNING id
            """, new { residentId, household.Id, household.Postcode, household.Neighbourhood }, cancellationToken: ct)).ToList();

    public Task UpdateAsync(UnitOfWork work, HelpRequest request, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            UPDATE help_requests SET status = @Status, domains = @Domains, urgency = @Urgency, regisseur_id = @RegisseurId,
                   outcome = @Outcome, closed_at = @ClosedAt
             WHERE id = @Id
            """,
            request, cancellationToken: ct);

    public Task<Page<HelpRequest>> ListAsync(TeamScope scope, string? status, string? neighbourhood, Guid? regisseurId, Guid? householdId, bool openOnly, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<HelpRequest>(Columns,
            $"""
            help_requests
             WHERE {TeamScope.Filter("neighbourhood")}
               AND (@status::text IS NULL OR status = @status)
               AND (@openOnly = false OR status <> 'closed')
               AND (@neighbourhood::text IS NULL OR neighbourhood = @neighbourhood)
               AND (@regisseurId::uuid IS NULL OR regisseur_id = @regisseurId)
               AND (@householdId::uuid IS NULL OR household_id = @householdId)
            """,
            "created_at DESC, id", new { status, neighbourhood, regisseurId, householdId, openOnly, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);

    /// <summary>How many of the caller's teams' cases are open per neighbourhood or per regisseur, largest first.</summary>
    public Task<Page<OpenCaseCount>> OpenCaseCountsAsync(TeamScope scope, bool perRegisseur, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<OpenCaseCount>("key, open_cases AS OpenCases",
            $"""
            (SELECT {(perRegisseur ? "coalesce(regisseur_id::text, 'unassigned')" : "coalesce(neighbourhood, 'unknown')")} AS key, count(*) AS open_cases
               FROM help_requests WHERE status <> 'closed' AND {TeamScope.Filter("neighbourhood")} GROUP BY 1) counts
            """,
            "open_cases DESC, key", new { everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);

    /// <summary>
    /// A text of the platform on the timeline, written in Dutch: the timeline is the team's case file,
    /// its notes are in Dutch, and what is written stays as it was said (erasure blanks it like a note).
    /// </summary>
    public void Append(UnitOfWork work, Guid caseId, string kind, Text text, string actor, DateTime at) =>
        Append(work, caseId, kind, texts.Render(text, TextCatalogue.Dutch), actor, at);

    /// <summary>A text of the platform in Dutch, followed by a person's own words (a reason, a note) as written.</summary>
    public void Append(UnitOfWork work, Guid caseId, string kind, Text? text, string? ownWords, string actor, DateTime at) =>
        Append(work, caseId, kind, Written(text, ownWords), actor, at);

    /// <summary>What the timeline keeps of a platform text and a person's own words: the text in Dutch, then the words; null when neither.</summary>
    public string? Written(Text? text, string? ownWords)
    {
        var parts = new[] { text is null ? null : texts.Render(text, TextCatalogue.Dutch), ownWords?.Trim() }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>A person's own words (a note, a partner's concern), as written.</summary>
    public void Append(UnitOfWork work, Guid caseId, string kind, string? detail, string actor, DateTime at) =>
        work.Queue(
            "INSERT INTO case_events (case_id, kind, detail, actor, occurred_at) VALUES (@caseId, @kind, @detail, @actor, @at)",
            new { caseId, kind, detail, actor, at });

    public Task<Scoped<Page<CaseEvent>>> TimelineAsync(Guid caseId, TeamScope scope, PageRequest page, CancellationToken ct) =>
        db.WithinTeamAsync(TeamOfCase, new { caseId }, scope,
            async () => await db.QueryPageAsync<CaseEvent>("seq, case_id AS CaseId, kind, detail, actor, occurred_at AS OccurredAt", "case_events WHERE case_id = @caseId", "seq",
                new { caseId }, page, ct), ct);

    /// <summary>The neighbourhood of case <c>@caseId</c>, for what hangs under a case (its timeline, its referrals).</summary>
    public const string TeamOfCase = "SELECT neighbourhood FROM help_requests WHERE id = @caseId";

    public Task InsertCountedAsync(UnitOfWork work, Guid id, string channel, string[] domains, string? neighbourhood, DateOnly answeredOn, CancellationToken ct) =>
        work.ExecuteAsync(
            "INSERT INTO counted_questions (id, channel, domains, neighbourhood, answered_on) VALUES (@id, @channel, @domains, @neighbourhood, @answeredOn)",
            new { id, channel, domains, neighbourhood, answeredOn }, cancellationToken: ct);

    public async Task<IReadOnlyList<QuestionCount>> CountQuestionsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return (await session.QueryAsync<QuestionCount>(
            """
            SELECT domain, count(*) AS Count FROM counted_questions, unnest(domains) AS domain
             WHERE answered_on BETWEEN @from AND @to GROUP BY domain ORDER BY domain
            """, new { from, to }, cancellationToken: ct)).ToList();
    }

    /// <summary>Signals (partner, café no-answer, repeated no-shows) on open cases with no contact recorded after them, oldest first.</summary>
    public Task<Page<OpenSignal>> OpenSignalsAsync(TeamScope scope, string? neighbourhood, Guid? regisseurId, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<OpenSignal>(
            "e.seq, e.case_id AS CaseId, e.kind, e.detail, e.actor, e.occurred_at AS OccurredAt, c.urgency, c.neighbourhood, c.regisseur_id AS RegisseurId",
            $"""
            case_events e JOIN help_requests c ON c.id = e.case_id
             WHERE e.kind IN ({SignalKinds}) AND c.status <> 'closed' AND {TeamScope.Filter("c.neighbourhood")}
               AND (@neighbourhood::text IS NULL OR c.neighbourhood = @neighbourhood)
               AND (@regisseurId::uuid IS NULL OR c.regisseur_id = @regisseurId)
               AND NOT EXISTS (SELECT 1 FROM case_events f WHERE f.case_id = e.case_id AND f.kind = 'contact' AND f.seq > e.seq)
            """,
            "e.seq", new { neighbourhood, regisseurId, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);

    // Spelled out rather than a parameter, so the planner can use the partial index on these kinds.
    private static readonly string SignalKinds = string.Join(", ", CaseSignals.Kinds.Select(k => $"'{k}'"));

    /// <summary>Households with an open case whose last contact (or, without any, the case's start) is older than the cut-off.</summary>
    public Task<Page<QuietHousehold>> WithoutContactSinceAsync(TeamScope scope, DateTime cutoff, string? neighbourhood, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<QuietHousehold>("household_id AS HouseholdId, neighbourhood, last_contact AS LastContact",
            $"""
            (SELECT c.household_id, min(c.neighbourhood) AS neighbourhood,
                    max(coalesce((SELECT max(e.occurred_at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'contact'), c.created_at)) AS last_contact
               FROM help_requests c
              WHERE c.status <> 'closed' AND c.household_id IS NOT NULL AND {TeamScope.Filter("c.neighbourhood")}
              GROUP BY c.household_id) quiet
             WHERE last_contact < @cutoff AND (@neighbourhood::text IS NULL OR neighbourhood = @neighbourhood)
            """, "last_contact, household_id", new { cutoff, neighbourhood, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);
}

/// <summary>A signal about a resident on an open case, waiting for someone to get in touch.</summary>
public sealed record OpenSignal(long Seq, Guid CaseId, string Kind, string? Detail, string Actor, DateTime OccurredAt, string Urgency, string? Neighbourhood, Guid? RegisseurId);

public sealed record OpenCaseCount(string Key, long OpenCases);

public sealed record QuestionCount(string Domain, long Count);

public sealed record QuietHousehold(Guid HouseholdId, string? Neighbourhood, DateTime LastContact);
