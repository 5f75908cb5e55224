using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// The OpenAPI document names the server a caller should use: through the gateway that is the gateway
/// (the address the caller used, as the gateway forwards it in X-Forwarded-Host/-Proto/-Prefix), never
/// the service's internal address. Fetched any other way the document names no server, which means
/// "wherever this document came from".
/// </summary>
internal sealed class PublicServers(IHttpContextAccessor accessor) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = accessor.HttpContext?.Request is { } request && Forwarded(request) is { } url
            ? [new OpenApiServer { Url = url, Description = "WijPlatform gateway" }]
            : [];
        return Task.CompletedTask;
    }

    private static string? Forwarded(HttpRequest request)
    {
        // The first value is what the outermost proxy saw.
        static string First(string value) => value.Split(',', 2)[0].Trim();
        var host = First(request.Headers["X-Forwarded-Host"].ToString());
        if (host.Length == 0 || Uri.CheckHostName(new HostString(host).Host) == UriHostNameType.Unknown)
        {
            return null;
        }
        var scheme = First(request.Headers["X-Forwarded-Proto"].ToString());
        if (scheme is not ("https" or "http"))
        {
            scheme = request.Scheme;
        }
        var prefix = First(request.Headers["X-Forwarded-Prefix"].ToString());
        return $"{scheme}://{new HostString(host).ToUriComponent()}{(prefix.StartsWith('/') ? PathString.FromUriComponent(prefix).ToUriComponent() : "")}";
    }
}
