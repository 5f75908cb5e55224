namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>The fault suite's crash point (WIJ_FAULT) and its marker file (WIJ_FAULT_MARKER); both unset in every normal run.</summary>
public sealed class FaultInjectionOptions
{
    [ConfigurationKeyName("WIJ_FAULT")]
    public string? Point { get; set; }

    [ConfigurationKeyName("WIJ_FAULT_MARKER")]
    public string? Marker { get; set; }
}

/// <summary>
/// Crash points for the fault suite, switched on only by <see cref="FaultInjectionOptions.Point"/> and
/// fired once per marker file, so a restarted process runs normally. Off in every normal run.
/// </summary>
public sealed class FaultInjection(IOptions<FaultInjectionOptions> options)
{
    private string? Point => options.Value.Point;

    /// <summary>Dies on every delivery before the consumer commits: a message that crashes its process each time.</summary>
    public void BeforeConsumerCommit()
    {
        if (Point == "consumer-crash-loop")
        {
            Environment.FailFast("fault injection: consumer-crash-loop");
        }
    }

    /// <summary>Dies between the consumer's commit and the broker acknowledgement.</summary>
    public void AfterConsumerCommit() => CrashIf("consumer-after-commit");

    /// <summary>Dies after the broker confirmed a publish but before the outbox row is marked sent.</summary>
    public void AfterRelayPublish() => CrashIf("relay-after-publish");

    private void CrashIf(string point)
    {
        if (Point != point || options.Value.Marker is not { } marker || File.Exists(marker))
        {
            return;
        }
        File.WriteAllText(marker, point);
        Environment.FailFast($"fault injection: {point}");
    }
}
