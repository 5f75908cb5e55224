using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// What the gateway does for every caller, done by every service as well: security headers and the
/// body limit hold for a request that reaches a service around the gateway. The rate limit stays at the
/// gateway, the one door; the network lets nothing but the gateway reach a service (see the README).
/// </summary>
public static class RequestProtection
{
    public static IHostApplicationBuilder AddRequestProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLimits>(builder.Configuration.GetSection("Http"));
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<RequestLimits>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseRequestProtection(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RequestBodyLimit>();
        return app;
    }
}
