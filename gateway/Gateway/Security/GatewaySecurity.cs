using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Security;

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
        var limits = builder.Configuration.GetSection("Gateway").Get<GatewayLimits>() ?? new GatewayLimits();
        builder.Services.Configure<GatewayTokenOptions>(builder.Configuration.GetSection("Gateway"));
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<PartnerTokens>();

        // The gateway's own tokens are for the hop to a service only: a caller presenting one (say,
        // one captured inside the cluster) is refused here, so that a revoked key's token is worthless
        // at the public entrance whatever its expiry.
        var ownIssuer = builder.Configuration.GetSection("Gateway").Get<GatewayTokenOptions>()?.TokenIssuer ?? new GatewayTokenOptions().TokenIssuer;
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            jwt.TokenValidationParameters.ValidIssuers = jwt.TokenValidationParameters.ValidIssuers.Where(issuer => issuer != ownIssuer).ToList());

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CallerScheme;
                options.DefaultChallengeScheme = CallerScheme;
                options.DefaultForbidScheme = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddPolicyScheme(CallerScheme, "Bearer token or partner API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthentication.Header) ? ApiKeyAuthentication.SchemeName : JwtBearerDefaults.AuthenticationScheme);

        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = WriteTooManyRequestsAsync;
        });

        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(limits.CorsOrigins)
            .WithHeaders("Authorization", "Content-Type", ApiKeyAuthentication.Header)
            .WithMethods("GET", "POST", "PUT", "DELETE")));

        // Gateway:MaxRequestBodyBytes, where operators have always set it, over the services' Http:MaxRequestBodyBytes.
        builder.Services.Configure<RequestLimits>(builder.Configuration.GetSection("Gateway"));
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
        await Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.", $"Slow down: try again in {retryAfter} second(s).");
    }
}
