namespace WijPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Work a service does by itself every <see cref="Interval"/>: sealing the audit trail, cleaning the
/// outbox, reporting unmatched requests. It ticks on the injected <see cref="TimeProvider"/>, so a test
/// can move time instead of waiting; a round that fails is logged by kind only (an exception's message
/// may quote a resident) and the next tick tries again, so the service never stops for it. Given
/// <see cref="JobLeases"/>, only the instance that holds the job's lease runs its rounds, so a job that
/// must run once per service does, however many instances there are; without, every instance runs it
/// (for work that instances share out themselves, such as rows claimed with SKIP LOCKED).
/// </summary>
public abstract partial class TimerJob(TimeProvider clock, ILogger logger, JobLeases? leases = null) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>False to wait one interval before the first round.</summary>
    protected virtual bool RunAtStart => true;

    protected TimeProvider Clock => clock;

    /// <summary>One round of the job.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        if (!RunAtStart && !await TickAsync(timer, stoppingToken))
        {
            return;
        }
        do
        {
            try
            {
                if (leases is null || await leases.HoldAsync(GetType().FullName!, stoppingToken))
                {
                    await RunAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, GetType().Name, ex.GetType().Name);
            }
        }
        while (await TickAsync(timer, stoppingToken));
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed ({Reason}); the next round tries again")]
    private static partial void LogFailed(ILogger logger, string job, string reason);
}
