using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace WijPlatform.Gateway.Security;

public sealed class GatewayLimits
{
    /// <summary>Requests a caller may make per second, sustained.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>How many a caller may make at once after a quiet moment.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Origins of browser apps allowed to call the API; none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>Who may come in through the gateway, how often, with how much.</summary>
public static class GatewaySecurity
{
    private const string CallerScheme = "caller";

    public static IHostApplicationBuilder AddGatewaySecurity(this IHostApplicationBuilder builder)
    {
        builder.AddWijOptions<GatewayLimits>("Gateway");
        builder.AddWijOptions<GatewayTokenOptions>("Gateway");
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<PartnerTokens>();

        // The gateway's own tokens are for the hop to a service only: a caller presenting one (say,
        // one captured inside the cluster) is refused here, so that a revoked key's token is worthless
        // at the public entrance whatever its expiry.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<IOptions<GatewayTokenOptions>>((jwt, tokens) =>
            jwt.TokenValidationParameters.ValidIssuers = jwt.TokenValidationParameters.ValidIssuers.Where(issuer => issuer != tokens.Value.TokenIssuer).ToList());

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CallerScheme;
                options.DefaultChallengeScheme = CallerScheme;
                options.DefaultForbidScheme = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddPolicyScheme(CallerScheme, "Bearer token or partner API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName : JwtBearerDefaults.AuthenticationScheme);

        builder.Services.AddRateLimiter(options => options.OnRejected = WriteTooManyRequestsAsync);
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayLimits>>((options, configured) =>
        {
            var limits = configured.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });

        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<GatewayLimits>>((options, limits) => options.AddDefaultPolicy(policy => policy
            .WithOrigins(limits.Value.CorsOrigins)
            .WithHeaders("Authorization", "Content-Type", ApiKeyAuthentication.Header, IdempotencyKey.Header)
            .WithExposedHeaders(IdempotencyKey.ReplayedHeader, "Location", "Retry-After")
            .WithMethods("GET", "POST", "PUT", "DELETE")));

        // Gateway:MaxRequestBodyBytes, where operators have always set it, over the services' Http:MaxRequestBodyBytes.
        builder.AddWijOptions<RequestLimits>("Gateway");
        builder.Services.AddRequestTimeouts();
        return builder;
    }

    /// <summary>A signed-in caller is limited by who they are, anyone else by their address.</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.Subject() is { } subject ? $"caller:{subject}" : $"address:{context.Connection.RemoteIpAddress}";

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "gateway.too-many-requests", new Text("gateway.slow-down-try-again", retryAfter));
    }
}
