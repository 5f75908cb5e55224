using MassTransit;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The one place that says how a service's queue is declared, used by both MassTransit's receive
/// endpoint and the topology deployer, so the two declarations can never disagree.
/// Quorum queues: durable, replicated when the broker is a cluster, and they count deliveries
/// (x-delivery-count), which <see cref="IdempotentConsumer{TMessage}"/> uses to set aside a message
/// that keeps crashing its consumer. No dead-letter arguments on the queue: MassTransit copies the
/// queue's arguments to the error queue, which would then dead-letter into itself.
/// </summary>
public static class BrokerTopology
{
    public static string ErrorQueue(string queue) => $"{queue}_error";

    public static string MessageExchange(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";

    /// <summary>The arguments of a service queue and, as MassTransit copies them, of its error queue.</summary>
    public static IDictionary<string, object?> QueueArguments() => new Dictionary<string, object?>
    {
        ["x-queue-type"] = "quorum",
    };

    public static void ConfigureQueue(IRabbitMqReceiveEndpointConfigurator endpoint) => endpoint.SetQuorumQueue();
}
