using Dapper;
using Npgsql;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Intake.Infrastructure;

public sealed class HelpRequestStore(NpgsqlDataSource db)
{
    private const string Columns = "id, channel, domains, urgency, postcode, description, talent, status, created_at AS CreatedAt";

    public Task InsertAsync(UnitOfWork work, HelpRequest request, CancellationToken cancellationToken) =>
        work.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO help_requests (id, channel, domains, urgency, postcode, description, talent, status, created_at)
            VALUES (@Id, @Channel, @Domains, @Urgency, @Postcode, @Description, @Talent, @Status, @CreatedAt)
            """,
            request, work.Transaction, cancellationToken: cancellationToken));

    public async Task<HelpRequest?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<HelpRequest>(new CommandDefinition(
            $"SELECT {Columns} FROM help_requests WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public Task<Page<HelpRequest>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<HelpRequest>(Columns, "help_requests", "created_at DESC, id", null, page, cancellationToken);
}
