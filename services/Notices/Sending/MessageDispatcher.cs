using Microsoft.Extensions.Options;
using Npgsql;
using WijPlatform.Notices.Infrastructure;

namespace WijPlatform.Notices.Sending;

/// <summary>
/// Sends the notices that go by email. A notice is committed first (with the message that caused
/// it) and sent afterwards, marked sent in the transaction that holds its row: a crash between
/// sending and marking sends it once more with the same id, which the sender recognises, and a
/// second instance skips rows another is sending. Nothing about the person goes to the log.
/// </summary>
public sealed partial class MessageDispatcher(NpgsqlDataSource db, ISender sender, IOptions<SenderOptions> options, TimeProvider clock, ILogger<MessageDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendOneAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or System.Net.Mail.SmtpException or TimeoutException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
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
            await NoticeStore.MarkSentAsync(connection, transaction, message.Id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return unsent.Count > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending notices failed ({Error}); trying again at the next poll")]
    private static partial void LogFailed(ILogger logger, string error);
}
