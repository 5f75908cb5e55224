using Microsoft.AspNetCore.Http;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// Headers that stop browsers from sniffing, framing, caching or leaking what the API returns: on the
/// gateway, and on each service too, for whoever reaches one around the gateway.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            if (context.Request.Path.StartsWithSegments("/scalar"))
            {
                // The API reference is a page with scripts and styles of its own.
                headers.ContentSecurityPolicy = "default-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data:; frame-ancestors 'none'";
            }
            else
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers.CacheControl = "no-store";
            }
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
