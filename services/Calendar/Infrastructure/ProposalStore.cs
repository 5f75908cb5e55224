namespace WijPlatform.Calendar.Infrastructure;

public sealed class ProposalStore(NpgsqlDataSource db)
{
    private const string Columns =
        """
        id, title, description, category, proposed_by AS ProposedBy, phone, resident_id AS ResidentId, suggested_time AS SuggestedTime,
        status, decline_reason AS DeclineReason, activity_id AS ActivityId, created_at AS CreatedAt
        """;

    public Task InsertAsync(UnitOfWork work, Proposal proposal, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO proposals (id, title, description, category, proposed_by, phone, resident_id, suggested_time, status, created_at)
            VALUES (@Id, @Title, @Description, @Category, @ProposedBy, @Phone, @ResidentId, @SuggestedTime, @Status, @CreatedAt)
            """,
            proposal, cancellationToken: cancellationToken);

    public async Task<Proposal?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return Utc(await session.QuerySingleOrDefaultAsync<Proposal>(
            $"SELECT {Columns} FROM proposals WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Locks the proposal so that two members of staff cannot both decide it.</summary>
    public async Task<Proposal?> LockAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        Utc(await work.QuerySingleOrDefaultAsync<Proposal>(
            $"SELECT {Columns} FROM proposals WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken));

    public Task DecideAsync(UnitOfWork work, Guid id, string status, string? reason, Guid? activityId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE proposals SET status = @status, decline_reason = @reason, activity_id = @activityId WHERE id = @id",
            new { id, status, reason, activityId }, cancellationToken: cancellationToken);

    public Task<Page<Proposal>> ListAsync(string? status, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Proposal>(Columns, "proposals WHERE (@status::text IS NULL OR status = @status)", "created_at, id", new { status }, page, cancellationToken);

    private static Proposal? Utc(Proposal? proposal) => proposal is null ? null : proposal with { CreatedAt = proposal.CreatedAt.ToUniversalTime() };
}
