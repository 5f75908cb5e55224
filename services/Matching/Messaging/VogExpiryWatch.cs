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
/// Several instances may run: the warning's key makes a second insert a no-op.
/// </summary>
public sealed partial class VogExpiryWatch(UnitOfWorkFactory unitOfWork, IOptions<VogWarningOptions> options, TimeProvider clock, ILogger<VogExpiryWatch> logger)
    : BackgroundService
{
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TaskTime.Amsterdam).DateTime);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        do
        {
            try
            {
                await WarnAsync(null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Records the warnings that are due, for everyone or one volunteer; returns how many are new.</summary>
    public async Task<int> WarnAsync(Guid? volunteerId, CancellationToken cancellationToken)
    {
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        var warned = await WarnAsync(work, volunteerId, cancellationToken);
        await work.CommitAsync(cancellationToken);
        return warned;
    }

    public Task<int> WarnAsync(UnitOfWork work, Guid? volunteerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return VolunteerStore.RecordVogWarningsAsync(work, Today(now).AddDays(options.Value.WarnDays), now.UtcDateTime, volunteerId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking certificates of conduct failed; trying again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
