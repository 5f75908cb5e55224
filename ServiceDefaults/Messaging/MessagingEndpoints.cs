using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

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

        group.MapPost("/errors/{messageId}/replay", async Task<Results<NoContent, ProblemHttpResult>> (string messageId, ErrorQueue errors, CancellationToken ct) =>
            await errors.ReplayAsync(messageId, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such message in the error queue.", detail: $"Message {messageId} is not in the error queue."))
            .WithSummary("Moves a failed message back to the service's queue");
        return group;
    }
}
