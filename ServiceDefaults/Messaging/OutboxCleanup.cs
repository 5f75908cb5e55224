namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>Deletes sent outbox rows and inbox rows older than the retention, so neither table grows without end.</summary>
public sealed partial class OutboxCleanup(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, JobLeases leases, TimeProvider clock, ILogger<OutboxCleanup> logger)
    : TimerJob(clock, logger, leases)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var (outbox, inbox) = await CleanAsync(options.Value.Retention, cancellationToken);
        if (outbox + inbox > 0)
        {
            LogCleaned(logger, outbox, inbox);
        }
    }

    public async Task<(int Outbox, int Inbox)> CleanAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cutoff = Clock.GetUtcNow().UtcDateTime - retention;
        var outbox = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM outbox_messages WHERE sent_at < @Cutoff", new { Cutoff = cutoff }, cancellationToken: cancellationToken));
        var inbox = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM inbox_messages WHERE received_at < @Cutoff", new { Cutoff = cutoff }, cancellationToken: cancellationToken));
        return (outbox, inbox);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Outbox} sent outbox rows and {Inbox} inbox rows past retention")]
    private static partial void LogCleaned(ILogger logger, int outbox, int inbox);
}
