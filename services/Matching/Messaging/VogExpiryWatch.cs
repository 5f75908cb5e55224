using WijPlatform.ServiceDefaults.Hosting;

namespace WijPlatform.Matching.Messaging;

/// <summary>Configuration section "Matching:Vog".</summary>
public sealed class VogWarningOptions
{
    public int WarnDays { get; set; } = Vog.DefaultWarnDays;

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Warns volunteers whose certificate of conduct is about to expire, once per expiry date, as days
/// pass. Registering or renewing a VOG warns at once when it is already close; this covers the rest.
/// One instance runs it (the lease); the warning's key would make a second insert a no-op anyway.
/// </summary>
public sealed class VogExpiryWatch(UnitOfWorkFactory unitOfWork, IOptions<VogWarningOptions> options, JobLeases leases, TimeProvider clock, ILogger<VogExpiryWatch> logger)
    : TimerJob(clock, logger, leases)
{
    public static DateOnly Today(DateTimeOffset now) => Amsterdam.Today(now);

    protected override TimeSpan Interval => options.Value.CheckEvery;

    protected override Task RunAsync(CancellationToken cancellationToken) => WarnAsync(null, cancellationToken);

    /// <summary>Records the warnings that are due, for everyone or one volunteer; returns how many are new.</summary>
    public async Task<int> WarnAsync(Guid? volunteerId, CancellationToken cancellationToken)
    {
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        var warned = await WarnAsync(work, volunteerId, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return warned;
    }

    /// <summary>Records the warnings that are due and publishes each, with the change, so that the volunteer is told once.</summary>
    public async Task<int> WarnAsync(UnitOfWork work, Guid? volunteerId, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var today = Today(now);
        var warnings = await VolunteerStore.RecordVogWarningsAsync(work, today.AddDays(options.Value.WarnDays), now.UtcDateTime, today, volunteerId, cancellationToken);
        foreach (var warning in warnings)
        {
            await work.PublishAsync(warning, cancellationToken);
        }
        return warnings.Count;
    }
}
