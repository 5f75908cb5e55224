using Dapper;
using Npgsql;
using WijPlatform.Calendar.Model;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Calendar.Infrastructure;

public sealed class ActivityStore(NpgsqlDataSource db)
{
    private const string Columns = "id, title, description, category, room, starts_at AS StartsAt, ends_at AS EndsAt, capacity, created_at AS CreatedAt";

    /// <summary>Inserts an activity; an id seen before changes nothing.</summary>
    public Task<int> InsertAsync(UnitOfWork work, Activity activity, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO activities (id, title, description, category, room, starts_at, ends_at, capacity, created_at)
            VALUES (@Id, @Title, @Description, @Category, @Room, @StartsAt, @EndsAt, @Capacity, @CreatedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            activity, work.Transaction, cancellationToken: cancellationToken));

    public async Task<Activity?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Activity>(new CommandDefinition(
            $"SELECT {Columns} FROM activities WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task<Page<Activity>> ListAsync(DateTime? from, DateTime? to, string? category, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Activity>(
            Columns,
            "activities WHERE (@from::timestamptz IS NULL OR ends_at >= @from) AND (@to::timestamptz IS NULL OR starts_at < @to) AND (@category::text IS NULL OR category = @category)",
            "starts_at, id",
            new { from, to, category },
            page,
            cancellationToken);

    /// <summary>
    /// Signs up under a lock on the activity row, so two parallel sign-ups for the last seat are
    /// serialised and exactly one gets it; the other is wait-listed.
    /// </summary>
    public async Task<Signup?> SignUpAsync(UnitOfWork work, Guid activityId, Guid signupId, string displayName, string? phone, CancellationToken cancellationToken)
    {
        var capacity = await work.Connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            "SELECT capacity FROM activities WHERE id = @activityId FOR UPDATE", new { activityId }, work.Transaction, cancellationToken: cancellationToken));
        if (capacity is null)
        {
            return null;
        }
        var confirmed = await work.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM signups WHERE activity_id = @activityId AND status = 'confirmed'", new { activityId }, work.Transaction, cancellationToken: cancellationToken));
        var status = SignupStatus.For(confirmed, capacity.Value);
        return await work.Connection.QuerySingleAsync<Signup>(new CommandDefinition(
            """
            INSERT INTO signups (id, activity_id, display_name, phone, status) VALUES (@signupId, @activityId, @displayName, @phone, @status)
            RETURNING id, activity_id AS ActivityId, display_name AS DisplayName, phone, status, created_at AS CreatedAt
            """,
            new { signupId, activityId, displayName, phone, status }, work.Transaction, cancellationToken: cancellationToken));
    }

    public Task<Page<Signup>> ListSignupsAsync(Guid activityId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Signup>(
            "id, activity_id AS ActivityId, display_name AS DisplayName, phone, status, created_at AS CreatedAt",
            "signups WHERE activity_id = @activityId",
            "created_at, id",
            new { activityId },
            page,
            cancellationToken);
}
