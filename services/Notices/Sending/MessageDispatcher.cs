using WijPlatform.ServiceDefaults.Hosting;

namespace WijPlatform.Notices.Sending;

/// <summary>
/// Sends the notices that go by email or text message, each through its channel's sender. A notice is committed first (with the message that caused
/// it) and sent afterwards, marked sent in the transaction that holds its row: a crash between
/// sending and marking sends it once more with the same id, which the sender recognises, and a
/// second instance skips rows another is sending. Nothing about the person goes to the log.
/// </summary>
public sealed class MessageDispatcher(
    NpgsqlDataSource db,
    [FromKeyedServices(ContactWay.Email)] ISender email,
    [FromKeyedServices(ContactWay.Sms)] ISender sms,
    IOptions<SenderOptions> options,
    TimeProvider clock,
    ILogger<MessageDispatcher> logger)
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
            var sender = message.Channel == ContactWay.Sms ? sms : email;
            await sender.SendAsync(new OutgoingMessage(message.Id, message.Channel, message.To, message.Subject, Body(message)), cancellationToken);
            await NoticeStore.MarkSentAsync(connection, transaction, message.Id, Clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return unsent.Count > 0;
    }

    /// <summary>A resident is addressed by full name, a volunteer by first name; a text message is kept short.</summary>
    private static string Body(NoticeStore.Unsent message)
    {
        var greeting = message.ToVolunteer ? $"Hoi {message.FirstName}," : $"Beste {message.FirstName} {message.LastName},";
        return message.Channel == ContactWay.Sms
            ? $"{greeting} {message.Text} Steunpunt in de wijk"
            : $"{greeting}\n\n{message.Text}\n\nMet vriendelijke groet,\nHet steunpunt in de wijk";
    }
}
