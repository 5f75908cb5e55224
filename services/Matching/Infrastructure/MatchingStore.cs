using Dapper;
using Npgsql;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Matching.Infrastructure;

public sealed class MatchingStore(NpgsqlDataSource db)
{
    private const string VolunteerColumns = "id, first_name AS FirstName, talents, postcode, created_at AS CreatedAt";
    private const string RequestColumns = "id, source, case_id AS CaseId, talent, postcode, wanted_at AS WantedAt, urgency, inside_home AS InsideHome, status, created_at AS CreatedAt";

    public Task InsertVolunteerAsync(UnitOfWork work, Volunteer volunteer, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO volunteers (id, first_name, talents, postcode, created_at) VALUES (@Id, @FirstName, @Talents, @Postcode, @CreatedAt)",
            volunteer, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Inserts a request; a request id seen before changes nothing.</summary>
    public Task<int> InsertRequestAsync(UnitOfWork work, VolunteerRequest request, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO volunteer_requests (id, source, case_id, talent, postcode, wanted_at, urgency, inside_home, status, created_at)
            VALUES (@Id, @Source, @CaseId, @Talent, @Postcode, @WantedAt, @Urgency, @InsideHome, @Status, @CreatedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            request, work.Transaction, cancellationToken: cancellationToken));

    public async Task<Volunteer?> FindVolunteerAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Volunteer>(new CommandDefinition(
            $"SELECT {VolunteerColumns} FROM volunteers WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<VolunteerRequest?> FindRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VolunteerRequest>(new CommandDefinition(
            $"SELECT {RequestColumns} FROM volunteer_requests WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task<Page<Volunteer>> ListVolunteersAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Volunteer>(VolunteerColumns, "volunteers", "created_at DESC, id", null, page, cancellationToken);

    public Task<Page<VolunteerRequest>> ListRequestsAsync(string? status, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VolunteerRequest>(RequestColumns, "volunteer_requests WHERE (@status::text IS NULL OR status = @status)", "created_at DESC, id", new { status }, page, cancellationToken);
}
