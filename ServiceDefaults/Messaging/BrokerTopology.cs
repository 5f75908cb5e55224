using MassTransit;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The one place that says how a service's queue is declared, used by both MassTransit's receive
/// endpoint and the topology deployer, so the two declarations can never disagree.
/// Quorum queues: durable, replicated when the broker is a cluster, and they count deliveries, so
/// a message that keeps crashing its consumer is dead-lettered to the error queue after a limit.
/// </summary>
public static class BrokerTopology
{
    public static string ErrorQueue(string queue) => $"{queue}_error";

    public static string MessageExchange(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";

    public static IDictionary<string, object?> QueueArguments(string queue, MessagingOptions options) => new Dictionary<string, object?>
    {
        ["x-queue-type"] = "quorum",
        ["x-delivery-limit"] = options.DeliveryLimit,
        ["x-dead-letter-exchange"] = ErrorQueue(queue),
    };

    public static void ConfigureQueue(IRabbitMqReceiveEndpointConfigurator endpoint, string queue, MessagingOptions options)
    {
        endpoint.SetQuorumQueue();
        foreach (var (key, value) in QueueArguments(queue, options).Where(a => a.Key != "x-queue-type"))
        {
            endpoint.SetQueueArgument(key, value);
        }
    }
}
