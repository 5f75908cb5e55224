using System.Net.Http.Json;

namespace WijPlatform.Notices.Sending;

/// <summary>
/// Text messages through the municipality's SMS gateway: one POST of JSON per message to
/// <c>Notices:Sender:SmsGatewayUrl</c> with <c>Notices:Sender:SmsGatewayApiKey</c> as bearer token.
/// The notice's id goes along as the reference, so a gateway that is asked twice (a crash between
/// sending and marking sent) can send it once. A refusal throws without the number or the text, so
/// that neither reaches the log; the notice stays unsent and is tried again.
/// </summary>
public sealed class SmsGatewaySender(IHttpClientFactory clients, IOptions<SenderOptions> options) : ISender
{
    public const string Client = "sms-gateway";

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.SmsGatewayUrl)
        {
            Content = JsonContent.Create(new SmsRequest(settings.SmsFrom, message.To, message.Body, message.Id.ToString("N"))),
        };
        request.Headers.Authorization = new("Bearer", settings.SmsGatewayApiKey);
        using var response = await clients.CreateClient(Client).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS gateway refused notice {message.Id}: {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <summary>What the gateway is sent.</summary>
    public sealed record SmsRequest(string From, string To, string Text, string Reference);
}
