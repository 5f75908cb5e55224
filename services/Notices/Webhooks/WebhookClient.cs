using System.Net;
using System.Net.Sockets;

namespace WijPlatform.Notices.Webhooks;

/// <summary>
/// The HTTP client that calls partners: it resolves the host itself and connects only to an address
/// that passed the same check as at registration (so DNS cannot point it inside between check and
/// call), follows no redirect and uses no proxy. Deliberately not from the HTTP client factory: the
/// service defaults give those clients service discovery (which maps names to internal services) and
/// a resilience handler (whose hidden retries would be attempts nobody records); the retrying here is
/// the dispatcher's, from the table.
/// </summary>
public sealed class WebhookClient(WebhookTargets targets, TextCatalogue texts) : IDisposable
{
    private readonly HttpClient _client = new(Handler(targets, texts)) { Timeout = Timeout.InfiniteTimeSpan };

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
        _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);

    public void Dispose() => _client.Dispose();

    private static SocketsHttpHandler Handler(WebhookTargets targets, TextCatalogue texts) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await WebhookTargets.ResolveAsync(context.DnsEndPoint.Host, ct);
            if (targets.AddressRefusal(addresses) is { } refusal)
            {
                // In English, as the attempt's error for the administrator (and the log): the kind of address, never the address.
                throw new HttpRequestException(texts.Render(refusal, TextCatalogue.English));
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
