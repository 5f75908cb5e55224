namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Crash points for the fault suite, switched on only by WIJ_FAULT=name and fired once per marker
/// file (WIJ_FAULT_MARKER), so a restarted process runs normally. Off in every normal run.
/// </summary>
public static class FaultInjection
{
    private static readonly string? Fault = Environment.GetEnvironmentVariable("WIJ_FAULT");
    private static readonly string? Marker = Environment.GetEnvironmentVariable("WIJ_FAULT_MARKER");

    /// <summary>Dies on every delivery before the consumer commits: a message that crashes its process each time.</summary>
    public static void BeforeConsumerCommit()
    {
        if (Fault == "consumer-crash-loop")
        {
            Environment.FailFast("fault injection: consumer-crash-loop");
        }
    }

    /// <summary>Dies between the consumer's commit and the broker acknowledgement.</summary>
    public static void AfterConsumerCommit() => CrashIf("consumer-after-commit");

    /// <summary>Dies after the broker confirmed a publish but before the outbox row is marked sent.</summary>
    public static void AfterRelayPublish() => CrashIf("relay-after-publish");

    private static void CrashIf(string point)
    {
        if (Fault != point || Marker is null || File.Exists(Marker))
        {
            return;
        }
        File.WriteAllText(Marker, point);
        Environment.FailFast($"fault injection: {point}");
    }
}
