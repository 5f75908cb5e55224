using System.Globalization;
using MassTransit;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effects and the record of having handled the message id are committed in one
/// transaction: a redelivered or duplicated message finds its id in the inbox and has no second
/// effect. Messages it publishes go through the same transaction's outbox. A message that carries
/// personal data about a resident this service has already erased (a late or replayed delivery) is
/// recorded and left alone, so nothing of the resident comes back.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        try
        {
            await ConsumeOnceAsync(context);
        }
        catch (Exception ex) when (StatementErrors.ReplaceConnectionsAfter(ex, unitOfWork.DataSource))
        {
            throw;
        }
    }

    private async Task ConsumeOnceAsync(ConsumeContext<TMessage> context)
    {
        // A message redelivered this often has crashed the process every time; set it aside before it does again.
        var limit = unitOfWork.Options.DeliveryLimit;
        if (context.ReceiveContext.TransportHeaders.TryGetHeader("x-delivery-count", out var count) && Convert.ToInt64(count, CultureInfo.InvariantCulture) >= limit)
        {
            throw new DeliveryLimitExceededException(Convert.ToInt64(count, CultureInfo.InvariantCulture));
        }

        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a message id.");
        await using var work = await unitOfWork.BeginAsync(context.CancellationToken);
        // A concurrent duplicate blocks on the inbox row until the first commits, then inserts nothing.
        // Whether the message is about an erased resident is asked in the same statement: one round
        // trip fewer per message on the consumer's hot path.
        var ids = new { MessageId = messageId, Consumer = GetType().Name, residentId = ErasedResidents.PersonalDataSubject(context.Message) };
        var (first, erased) = ids.residentId is null
            ? (await work.ExecuteAsync(InboxInsertSql, ids, cancellationToken: context.CancellationToken) == 1, false)
            : await work.QuerySingleAsync<(bool, bool)>(
                $"WITH inserted AS ({InboxInsertSql} RETURNING 1) SELECT EXISTS (SELECT 1 FROM inserted), {ErasedResidents.IsErasedSql}",
                ids, context.CancellationToken);
        if (!first)
        {
            metrics.Duplicate();
            return;
        }
        if (!erased)
        {
            await HandleAsync(context.Message, work, context.CancellationToken);
        }
        unitOfWork.Faults.BeforeConsumerCommit();
        await work.CommitAsync(context.CancellationToken);
        unitOfWork.Faults.AfterConsumerCommit();
    }

    private const string InboxInsertSql = "INSERT INTO inbox_messages (message_id, consumer) VALUES (@MessageId, @Consumer) ON CONFLICT DO NOTHING";

    protected abstract Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken cancellationToken);
}

/// <summary>The broker delivered the message more often than the limit allows; it goes to the error queue.</summary>
public sealed class DeliveryLimitExceededException(long deliveries)
    : Exception($"Delivery limit reached: the message was delivered {deliveries} times and its consumer never completed; it was set aside.")
{
    public long Deliveries { get; } = deliveries;
}
