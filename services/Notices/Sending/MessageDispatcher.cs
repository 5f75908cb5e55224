using WijPlatform.ServiceDefaults.Hosting;

namespace WijPlatform.Notices.Sending;

/// <summary>
/// Sends the notices that go by email. A notice is committed first (with the message that caused
/// it) and sent afterwards, marked sent in the transaction that holds its row: a crash between
/// sending and marking sends it once more with the same id, which the sender recognises, and a
/// second instance skips rows another is sending. Nothing about the person goes to the log.
/// </summary>
public sealed class MessageDispatcher(NpgsqlDataSource db, ISender sender, IOptions<SenderOptions> options, TimeProvider clock, ILogger<MessageDispatcher> logger)
    : TimerJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await SendOneAsync(cancellationToken))
        {
        }
    }

    // One message per transaction: a failure after others went out does not send those again.
    private async Task<bool> SendOneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var unsent = await NoticeStore.ClaimUnsentAsync(connection, transaction, 1, cancellationToken);
        foreach (var message in unsent)
        {
            await sender.SendAsync(new OutgoingMessage(message.Id, "email", message.Email!, message.Subject,
                $"Beste {message.FirstName} {message.LastName},\n\n{message.Text}\n\nMet vriendelijke groet,\nHet steunpunt in de wijk"), cancellationToken);
            await NoticeStore.MarkSentAsync(connection, transaction, message.Id, Clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return unsent.Count > 0;
    }
}
