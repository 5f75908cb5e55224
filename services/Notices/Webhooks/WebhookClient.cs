using System.Net;
using System.Net.Sockets;

namespace WijPlatform.Notices.Webhooks;

public static class WebhookClient
{
    public const string Name = "partner-webhooks";

    /// <summary>
    /// The HTTP client that calls partners: it resolves the host itself and connects only to an address
    /// that passed the same check as at registration (so DNS cannot point it inside between check and
    /// call), follows no redirect and uses no proxy.
    /// </summary>
    public static IHostApplicationBuilder AddWebhookClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(Name)
            .ConfigurePrimaryHttpMessageHandler(services =>
            {
                var targets = services.GetRequiredService<WebhookTargets>();
                return new SocketsHttpHandler
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
                            throw new HttpRequestException(refusal);
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
            });
        return builder;
    }
}
