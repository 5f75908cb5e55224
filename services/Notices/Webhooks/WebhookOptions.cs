namespace WijPlatform.Notices.Webhooks;

public sealed class WebhookOptions
{
    /// <summary>The only hosts a partner's callback may name (exact host names or addresses, case-insensitive).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// Development only: a callback may be plain http and reach loopback (a receiver on the developer's
    /// machine or in a test). Outside Development the service refuses to start with it.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How often the dispatcher looks for deliveries due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 30))));
}
