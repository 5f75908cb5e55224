namespace WijPlatform.Intake.Infrastructure;

public sealed class PlanStore(NpgsqlDataSource db)
{
    private const string Columns =
        """
        id, household_id AS HouseholdId, kind, description, name, relation, organisation, goal_id AS GoalId, owner,
        due_date AS DueDate, done_at AS DoneAt, recorded_by AS RecordedBy, recorded_at AS RecordedAt, referral_id AS ReferralId
        """;

    public Task<Scoped<IReadOnlyList<PlanItem>>> ItemsAsync(Guid householdId, TeamScope scope, CancellationToken ct) =>
        db.WithinTeamAsync<IReadOnlyList<PlanItem>>("SELECT neighbourhood FROM households WHERE id = @householdId", new { householdId }, scope, async () =>
        {
            await using var session = await db.OpenSessionAsync(ct);
            return (await session.QueryAsync<PlanItem>(
                $"SELECT {Columns} FROM plan_items WHERE household_id = @householdId", new { householdId }, cancellationToken: ct)).ToList();
        }, ct);

    /// <summary>The plan's lines, read under a lock on the household so that rules about earlier lines hold at insert.</summary>
    public Task<Scoped<IReadOnlyList<PlanItem>>> LockAsync(UnitOfWork work, Guid householdId, TeamScope scope, CancellationToken ct) =>
        work.WithinTeamAsync<IReadOnlyList<PlanItem>>("SELECT neighbourhood FROM households WHERE id = @householdId FOR UPDATE", new { householdId }, scope, async () =>
            (await work.QueryAsync<PlanItem>(
                $"SELECT {Columns} FROM plan_items WHERE household_id = @householdId", new { householdId }, cancellationToken: ct)).ToList(), ct);

    /// <summary>The referrals behind the plan's actions, with their latest answers (read after the plan's team was checked).</summary>
    public async Task<IReadOnlyList<ActionReferral>> ActionReferralsAsync(Guid householdId, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return (await session.QueryAsync<ActionReferral>(
            """
            SELECT r.id, r.case_id AS CaseId, r.kind, r.target, r.status, r.updated_at AS UpdatedAt
              FROM plan_items p JOIN referrals r ON r.id = p.referral_id WHERE p.household_id = @householdId
            """, new { householdId }, cancellationToken: ct)).ToList();
    }

    public Task InsertAsync(UnitOfWork work, PlanItem item, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO plan_items (id, household_id, kind, description, name, relation, organisation, goal_id, owner, due_date, done_at, recorded_by, recorded_at, referral_id)
            VALUES (@Id, @HouseholdId, @Kind, @Description, @Name, @Relation, @Organisation, @GoalId, @Owner, @DueDate, @DoneAt, @RecordedBy, @RecordedAt, @ReferralId)
            """, item, cancellationToken: ct);

    public Task<int> CompleteAsync(UnitOfWork work, Guid householdId, Guid actionId, DateTime at, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE plan_items SET done_at = coalesce(done_at, @at) WHERE id = @actionId AND household_id = @householdId AND kind = 'action'",
            new { householdId, actionId, at }, cancellationToken: ct);

    public Task<Page<PlanItem>> OverdueActionsAsync(TeamScope scope, DateOnly today, string? owner, string? neighbourhood, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<PlanItem>(Columns,
            $"""
            plan_items WHERE kind = 'action' AND done_at IS NULL AND due_date < @today AND (@owner::text IS NULL OR owner = @owner)
              AND household_id IN (SELECT id FROM households WHERE {TeamScope.Filter("neighbourhood")} AND (@neighbourhood::text IS NULL OR neighbourhood = @neighbourhood))
            """,
            "due_date, id", new { today, owner, neighbourhood, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);
}
