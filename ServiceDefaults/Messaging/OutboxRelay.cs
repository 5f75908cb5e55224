using System.Diagnostics;
using MassTransit;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox messages with publisher confirms and marks them sent. It wakes when a
/// unit of work of this process commits messages (<see cref="OutboxSignal"/>), on a NOTIFY outbox
/// from elsewhere, and polls as a fallback; rows are claimed with FOR UPDATE SKIP LOCKED
/// so that several instances of a service never publish the same message on purpose. A message that
/// is published but not marked (a crash in between) is published again with the same message id,
/// and the consumer's inbox suppresses the duplicate. A sent row keeps its ids for diagnosis but
/// loses its personal fields in the same update that marks it sent: once the broker has confirmed the
/// message, the outbox has no reason to hold a name or an address.
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    TopologyDeployer topology,
    MessagingMetrics metrics,
    PersonalFields personal,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    FaultInjection faults,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private DateTime _gaugesRefreshedAt;

    private sealed record Pending(long Sequence, Guid Id, string MessageType, string Body, DateTime CreatedAt, string? TraceParent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OutboxEnabled)
        {
            return;
        }
        await topology.Ready.WaitAsync(stoppingToken);
        _ = ListenAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) >= options.Value.RelayBatchSize)
                {
                }
                // The gauges need a query of their own: under load, once per poll interval is enough.
                if (DateTime.UtcNow - _gaugesRefreshedAt >= options.Value.RelayPollInterval)
                {
                    await RefreshGaugesAsync(stoppingToken);
                    _gaugesRefreshedAt = DateTime.UtcNow;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogRelayFailed(logger, ex.GetType().Name);
            }
            try
            {
                await signal.WaitAsync(options.Value.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes one batch; returns how many rows it handled.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = (await connection.QueryAsync<Pending>(new CommandDefinition(
            """
            SELECT sequence, id, message_type AS MessageType, body::text AS Body, created_at AS CreatedAt, trace_parent AS TraceParent
            FROM outbox_messages
            WHERE sent_at IS NULL
            ORDER BY sequence
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED
            """,
            new { Limit = options.Value.RelayBatchSize },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        if (batch.Count == 0)
        {
            return 0;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var results = await Task.WhenAll(batch.Select(m => PublishAsync(m, timeout.Token)));
        faults.AfterRelayPublish();

        var sentRows = batch.Where((_, i) => results[i] is null).ToArray();
        var sent = sentRows.Select(m => m.Id).ToArray();
        var failed = batch.Where((_, i) => results[i] is not null).Select(m => m.Id).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            // Marking sent need not wait for the disk: if a crash loses the mark, the message is published
            // again with the same id and the consumer's inbox drops it.
            """
            SET LOCAL synchronous_commit TO OFF;
            UPDATE outbox_messages o SET sent_at = clock_timestamp(), attempts = o.attempts + 1,
                   body = CASE WHEN s.personal = '' THEN o.body ELSE o.body - string_to_array(s.personal, ',') END
            FROM unnest(@Sent, @Personal) AS s(id, personal)
            WHERE o.id = s.id
            """,
            new { Sent = sent, Personal = sentRows.Select(m => string.Join(',', PersonalFields.Of(TypeNames.Resolve(m.MessageType)))).ToArray() },
            transaction, cancellationToken: CancellationToken.None));
        if (failed.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @Error WHERE id = ANY(@Failed)",
                new { Failed = failed, Error = results.First(r => r is not null) }, transaction, cancellationToken: CancellationToken.None));
        }
        await transaction.CommitAsync(CancellationToken.None);

        var now = DateTime.UtcNow;
        foreach (var message in batch.Where((_, i) => results[i] is null))
        {
            metrics.Lag(now - DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc));
        }
        metrics.Published(sent.Length);
        if (failed.Length > 0)
        {
            // The broker is away; back off instead of spinning on the same rows.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            return 0;
        }
        return batch.Count;
    }

    /// <summary>Publishes one message; returns null when the broker confirmed it, else the reason (no message content).</summary>
    private async Task<string?> PublishAsync(Pending pending, CancellationToken cancellationToken)
    {
        // The publish continues the trace of the request that committed the message (and MassTransit
        // carries it on to the consumers), instead of starting a trace of its own.
        using var activity = ActivityContext.TryParse(pending.TraceParent, null, out var parent)
            ? MessagingMetrics.Activities.StartActivity("outbox publish", ActivityKind.Producer, parent)
            : null;
        try
        {
            var type = TypeNames.Resolve(pending.MessageType);
            var message = JsonSerializer.Deserialize(pending.Body, type, personal.Options)!;
            await bus.Publish(message, type, context => context.MessageId = pending.Id, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            metrics.PublishFailed();
            LogPublishFailed(logger, pending.Id, ex.GetType().Name);
            return ex.GetType().Name;
        }
    }

    private async Task RefreshGaugesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (count, oldest) = await connection.QuerySingleAsync<(long, DateTime?)>(new CommandDefinition(
            "SELECT count(*), min(created_at) FROM outbox_messages WHERE sent_at IS NULL", cancellationToken: cancellationToken));
        metrics.PendingCount = count;
        metrics.OldestPendingAge = oldest is null ? TimeSpan.Zero : DateTime.UtcNow - DateTime.SpecifyKind(oldest.Value, DateTimeKind.Utc);
    }

    /// <summary>Holds a connection that LISTENs for rows written outside this process; reconnects when the database comes back.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Wake();
                await using (var listen = new NpgsqlCommand("LISTEN outbox", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Anything committed while we were not listening is picked up now.
                signal.Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not reach its database ({Reason}); retrying")]
    private static partial void LogRelayFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} failed ({Reason}); it stays pending")]
    private static partial void LogPublishFailed(ILogger logger, Guid messageId, string reason);
}
