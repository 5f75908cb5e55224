using System.Text;
using RabbitMQ.Client;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>What an operator sees of a failed message: ids, type and reason, never its content.</summary>
public sealed record FailedMessage(string MessageId, string? MessageType, string? Reason, string? ExceptionType, DateTimeOffset? FailedAt, int? Deliveries);

/// <summary>
/// Lists and replays the messages in this service's error queue. Listing takes messages without
/// acknowledging them and closes the channel, which returns them to the queue untouched.
/// </summary>
public sealed class ErrorQueue(IConfiguration configuration, IOptions<MessagingOptions> options)
{
    private static readonly string[] FaultHeaders = ["MT-Fault-", "MT-Reason", "MT-Host-", "x-death", "x-first-death", "x-last-death", "x-delivery-count"];

    private string Queue => BrokerTopology.ErrorQueue(options.Value.QueueName);

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await BrokerConnection.Factory(configuration).CreateConnectionAsync("error-queue", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var messages = new List<FailedMessage>();
        while (messages.Count < limit)
        {
            var result = await channel.BasicGetAsync(Queue, autoAck: false, cancellationToken);
            if (result is null)
            {
                break;
            }
            messages.Add(Describe(result));
        }
        return messages;
    }

    /// <summary>Moves one message back to the service's queue; false when it is not in the error queue.</summary>
    public async Task<bool> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await BrokerConnection.Factory(configuration).CreateConnectionAsync("error-queue", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        while (true)
        {
            var result = await channel.BasicGetAsync(Queue, autoAck: false, cancellationToken);
            if (result is null)
            {
                return false;
            }
            if (result.BasicProperties.MessageId != messageId)
            {
                continue;
            }
            var properties = new BasicProperties(result.BasicProperties)
            {
                Headers = result.BasicProperties.Headers?
                    .Where(h => !FaultHeaders.Any(f => h.Key.StartsWith(f, StringComparison.OrdinalIgnoreCase)))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync(options.Value.QueueName, "", mandatory: true, properties, result.Body, cancellationToken);
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            return true;
        }
    }

    private static FailedMessage Describe(BasicGetResult result)
    {
        var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

        var reason = Header("MT-Fault-Message");
        DateTimeOffset? failedAt = DateTimeOffset.TryParse(Header("MT-Fault-Timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        int? deliveries = int.TryParse(Header("MT-Fault-RetryCount"), out var retries) ? retries + 1 : null;
        return new FailedMessage(result.BasicProperties.MessageId ?? "", MessageType(result.Body.Span), reason, Header("MT-Fault-ExceptionType"), failedAt, deliveries);
    }

    private static string? MessageType(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.TryGetProperty("messageType", out var types) && types.GetArrayLength() > 0)
            {
                // "urn:message:WijPlatform.Contracts:VolunteerRequested" → "VolunteerRequested"
                var urn = types[0].GetString() ?? "";
                return urn[(urn.LastIndexOf(':') + 1)..];
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
