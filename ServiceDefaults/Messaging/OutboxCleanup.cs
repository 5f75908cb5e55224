namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>Deletes sent outbox rows and inbox rows older than the retention, so neither table grows without end.</summary>
public sealed partial class OutboxCleanup(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, ILogger<OutboxCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval);
        do
        {
            try
            {
                var (outbox, inbox) = await CleanAsync(options.Value.Retention, stoppingToken);
                if (outbox + inbox > 0)
                {
                    LogCleaned(logger, outbox, inbox);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }

    public async Task<(int Outbox, int Inbox)> CleanAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cutoff = DateTime.UtcNow - retention;
        var outbox = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM outbox_messages WHERE sent_at < @Cutoff", new { Cutoff = cutoff }, cancellationToken: cancellationToken));
        var inbox = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM inbox_messages WHERE received_at < @Cutoff", new { Cutoff = cutoff }, cancellationToken: cancellationToken));
        return (outbox, inbox);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Outbox} sent outbox rows and {Inbox} inbox rows past retention")]
    private static partial void LogCleaned(ILogger logger, int outbox, int inbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox cleanup failed ({Reason}); next round will retry")]
    private static partial void LogFailed(ILogger logger, string reason);
}
