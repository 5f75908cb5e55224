using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WijPlatform.ServiceDefaults.Hosting;

namespace WijPlatform.Notices.Webhooks;

/// <summary>
/// POSTs each status change to the partner's approved callback, signed, and retries with a doubling
/// wait until the partner answers 2xx. The attempt is recorded in the transaction that holds the
/// delivery's row, so two instances never send the same attempt; a crash after sending sends it again
/// with the same id, which the receiver drops. Neither the URL nor the body goes to the log.
/// </summary>
public sealed partial class WebhookDispatcher(UnitOfWorkFactory unitOfWork, WebhookClient client, FieldCipher cipher, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger)
    : TimerJob(clock, logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await DeliverOneAsync(cancellationToken))
        {
        }
    }

    private async Task<bool> DeliverOneAsync(CancellationToken cancellationToken)
    {
        await using var work = await unitOfWork.BeginAsync(cancellationToken);
        if (await WebhookStore.ClaimDueAsync(work, Clock.GetUtcNow().UtcDateTime, cancellationToken) is not { } delivery)
        {
            return false;
        }
        var (statusCode, error) = await PostAsync(delivery, cancellationToken);
        var now = Clock.GetUtcNow().UtcDateTime;
        var delivered = statusCode is >= 200 and < 300;
        DateTime? next = delivered ? null : now + options.Value.RetryDelay(delivery.Attempts + 1);
        await WebhookStore.RecordAttemptAsync(work, delivery, now, statusCode, error, next, cancellationToken);
        await work.CommitAsync(cancellationToken);
        if (!delivered)
        {
            LogFailed(logger, delivery.Id, delivery.Attempts + 1, statusCode);
        }
        return true;
    }

    private async Task<(int? StatusCode, string? Error)> PostAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        var payload = delivery.Payload;
        var body = JsonSerializer.Serialize(payload, payload.GetType(), Json);
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(cipher.Open(delivery.Secret, WebhookStore.SecretField), timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("WijPlatform-Webhooks", "1"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return (null, Truncate(ex.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "timed out");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} failed at attempt {Attempt} (status {StatusCode}); retried later")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, int attempt, int? statusCode);
}
