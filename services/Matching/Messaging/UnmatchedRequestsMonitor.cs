using WijPlatform.ServiceDefaults.Hosting;

namespace WijPlatform.Matching.Messaging;

/// <summary>Tells intake, once, about each request that waited longer than its urgency allows without a match.</summary>
public sealed class UnmatchedRequestsMonitor(UnitOfWorkFactory unitOfWork, RequestStore requests, IOptions<UnmatchedOptions> options, JobLeases leases, TimeProvider clock, ILogger<UnmatchedRequestsMonitor> logger)
    : TimerJob(clock, logger, leases)
{
    protected override TimeSpan Interval => options.Value.CheckEvery;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await ReportOverdueAsync(cancellationToken) > 0)
        {
        }
    }

    /// <summary>One batch in one transaction; returns how many it reported.</summary>
    public async Task<int> ReportOverdueAsync(CancellationToken cancellationToken)
    {
        var policy = options.Value;
        var now = Clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        var overdue = await requests.LockOverdueAsync(work, policy, now, 200, cancellationToken);
        var reported = 0;
        foreach (var request in overdue)
        {
            await requests.MarkUnmatchedReportedAsync(work, request.Id, now, cancellationToken);
            await work.PublishAsync(new VolunteerRequestUnmatched(request.Id, UnmatchedReasons.NotInTime,
                [policy.WaitFor(request.Urgency).TotalHours.ToString("0", System.Globalization.CultureInfo.InvariantCulture)]), cancellationToken);
            reported++;
        }
        await work.CommitAsync(cancellationToken);
        return reported;
    }
}
