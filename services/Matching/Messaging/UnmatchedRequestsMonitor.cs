namespace WijPlatform.Matching.Messaging;

/// <summary>Tells intake, once, about each request that waited longer than its urgency allows without a match.</summary>
public sealed partial class UnmatchedRequestsMonitor(UnitOfWorkFactory unitOfWork, RequestStore requests, IOptions<UnmatchedOptions> options, TimeProvider clock, ILogger<UnmatchedRequestsMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                while (await ReportOverdueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One batch in one transaction; returns how many it reported.</summary>
    public async Task<int> ReportOverdueAsync(CancellationToken cancellationToken)
    {
        var policy = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        var overdue = await requests.LockOverdueAsync(work, policy, now, 200, cancellationToken);
        var reported = 0;
        foreach (var request in overdue)
        {
            await requests.MarkUnmatchedReportedAsync(work, request.Id, now, cancellationToken);
            await work.PublishAsync(new VolunteerRequestUnmatched(request.Id, $"No volunteer matched within {policy.WaitFor(request.Urgency).TotalHours:0} hours."), cancellationToken);
            reported++;
        }
        await work.CommitAsync(cancellationToken);
        return reported;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for unmatched requests failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
