using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public sealed record OutboxStatus(long Pending, double OldestPendingSeconds, long Sent, long PublishFailures, long DuplicatesSuppressed);

public static class MessagingEndpoints
{
    /// <summary>Operator endpoints: outbox state, and the error queue to inspect and replay.</summary>
    public static RouteGroupBuilder MapMessagingAdmin(this WebApplication app)
    {
        var queue = app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.QueueName;
        var audit = app.MapGroup($"/api/{queue}/admin/audit").WithTags("Operations").RequireRoles(WijRoles.Operator).WithoutResidentData();
        audit.MapGet("/verify", async (AuditTrail trail, CancellationToken ct) => TypedResults.Ok(await trail.VerifyAsync(ct)))
            .WithSummary("Checks the audit trail's hash chain: the first line that was altered or removed, if any");

        var group = app.MapGroup($"/api/{queue}/admin/messaging").WithTags("Operations").RequireRoles(WijRoles.Operator).WithoutResidentData();

        group.MapGet("/outbox", async Task<Ok<OutboxStatus>> (NpgsqlDataSource db, MessagingMetrics metrics, CancellationToken ct) =>
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleAsync<(long Pending, double Oldest, long Sent)>(new CommandDefinition(
                """
                SELECT count(*) FILTER (WHERE sent_at IS NULL),
                       coalesce(extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE sent_at IS NULL)), 0)::float8,
                       count(*) FILTER (WHERE sent_at IS NOT NULL)
                FROM outbox_messages
                """, cancellationToken: ct));
            return TypedResults.Ok(new OutboxStatus(row.Pending, row.Oldest, row.Sent, metrics.PublishFailures, metrics.Duplicates));
        }).WithSummary("How many messages wait in the outbox, and for how long");

        group.MapGet("/errors", async Task<Ok<IReadOnlyList<FailedMessage>>> (ErrorQueue errors, int? limit, CancellationToken ct) =>
            TypedResults.Ok(await errors.ListAsync(Math.Clamp(limit ?? 50, 1, 200), ct)))
            .WithSummary("Messages in the error queue: ids, type and reason, without content");

        group.MapPost("/errors/{messageId}/replay", ReplayAsync)
            .WithSummary("Moves a failed message back to the service's queue");
        return group;
    }

    /// <summary>
    /// The move happens in RabbitMQ, outside any transaction; the unit of work only stores an
    /// Idempotency-Key after it. A message leaves the error queue once, so a retry never moves it twice:
    /// with its key it gets the first answer again, and should the key be lost, 404.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ReplayAsync(string messageId, ErrorQueue errors, UnitOfWorkFactory unitOfWork, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (!await errors.ReplayAsync(messageId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message in the error queue.", detail: $"Message {messageId} is not in the error queue.");
        }
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
