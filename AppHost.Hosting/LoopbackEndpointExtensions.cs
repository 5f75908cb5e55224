using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class LoopbackEndpointExtensions
{
    /// <summary>
    /// A server's own port on 127.0.0.1, fixed (or free with --dynamic-ports), without Aspire's proxy:
    /// PostgreSQL, RabbitMQ and epmd are reached directly, as they would be in production.
    /// </summary>
    public static IResourceBuilder<T> WithLoopbackEndpoint<T>(this IResourceBuilder<T> builder, string name, int port, string scheme)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(name, endpoint =>
        {
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.TargetHost = "127.0.0.1";
            endpoint.IsProxied = false;
            endpoint.UriScheme = scheme;
        });
}
