namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>Configuration section "Messaging".</summary>
public sealed class MessagingOptions
{
    /// <summary>The queue this service consumes from; one per service.</summary>
    public string QueueName { get; set; } = "";

    /// <summary>
    /// When false, messages are published straight after the commit instead of through the outbox:
    /// the design that loses messages. Only the fault suite's control test turns it off.
    /// </summary>
    public bool OutboxEnabled { get; set; } = true;

    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int RelayBatchSize { get; set; } = 200;

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent outbox rows and inbox rows are kept (the inbox must outlive any redelivery).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Immediate in-process retries before a message goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 3;

    /// <summary>Retries (backing off to 10 s) while the service's database is unreachable: about an hour.</summary>
    public int OutageRetryLimit { get; set; } = 400;

    /// <summary>Deliveries after which a message that keeps crashing the process is dead-lettered.</summary>
    public int DeliveryLimit { get; set; } = 5;

    public int PrefetchCount { get; set; } = 32;

    /// <summary>How often the error queue's depth is read for the wij.error_queue.depth gauge.</summary>
    public TimeSpan ErrorQueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Keys for the personal fields of message bodies, by key id: base64 of 32 random bytes, the same on
    /// every service (Messaging__FieldKeys__2026a=...). Keep an old key while messages sealed with it
    /// may still wait in an outbox or a queue.
    /// </summary>
    public Dictionary<string, string> FieldKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key new messages are sealed with; needed only when <see cref="FieldKeys"/> holds more than one.</summary>
    public string? FieldKeyId { get; set; }
}
