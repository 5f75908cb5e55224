using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>Outbox, inbox and error queue as metrics: what is waiting, for how long, what was suppressed, what failed.</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "WijPlatform.Messaging";

    /// <summary>The relay's spans, which join the trace a message was committed in to the trace of its consumers.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _lag;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("wij.outbox.published", description: "Messages the relay published and the broker confirmed.");
        _publishFailures = meter.CreateCounter<long>("wij.outbox.publish_failures", description: "Publish attempts that failed and will be retried.");
        _duplicates = meter.CreateCounter<long>("wij.inbox.duplicates", description: "Redelivered or duplicated messages that had no second effect.");
        _lag = meter.CreateHistogram<double>("wij.outbox.lag", unit: "ms", description: "Time from commit to broker confirm.");
        meter.CreateObservableGauge("wij.outbox.pending", () => PendingCount, description: "Messages committed but not yet confirmed by the broker.");
        meter.CreateObservableGauge("wij.outbox.oldest_pending_age", () => OldestPendingAge.TotalSeconds, unit: "s", description: "Age of the oldest message waiting in the outbox.");
        meter.CreateObservableGauge("wij.error_queue.depth", () => ErrorQueueDepth, description: "Messages set aside in the service's error queue, waiting for an operator.");
    }

    public long ErrorQueueDepth { get; internal set; }

    public long PendingCount { get; internal set; }

    public TimeSpan OldestPendingAge { get; internal set; }

    public long PublishFailures { get; private set; }

    public long Duplicates { get; private set; }

    internal void Published(int count) => _published.Add(count);

    internal void Lag(TimeSpan lag) => _lag.Record(lag.TotalMilliseconds);

    internal void PublishFailed()
    {
        PublishFailures++;
        _publishFailures.Add(1);
    }

    internal void Duplicate()
    {
        Duplicates++;
        _duplicates.Add(1);
    }
}
