using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace WijPlatform.Gateway;

/// <summary>The services behind the gateway, resolved from service discovery configuration (services__name__http__0).</summary>
public static class Backends
{
    public static readonly string[] Names = ["intake", "calendar", "matching", "cafe", "notices"];

    /// <summary>
    /// The public calendar: residents and their calendar apps read it without signing in. The
    /// calendar service allows exactly these reads anonymously too; everything else needs a token.
    /// </summary>
    public static readonly (string Service, string Path)[] PublicReads =
    [
        ("calendar", "/api/calendar/activities"),
        ("calendar", "/api/calendar/activities/{id}"),
        ("calendar", "/api/calendar/activities/{id}/occurrences"),
        ("calendar", "/api/calendar/occurrences"),
        ("calendar", "/api/calendar/this-week"),
        ("calendar", "/api/calendar/feeds/{**rest}"),
    ];

    public static string AddressOf(IConfiguration configuration, string service) =>
        configuration[$"services:{service}:http:0"] ?? configuration[$"services:{service}:https:0"]
        ?? throw new InvalidOperationException($"No address for '{service}': set services__{service}__http__0.");

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("gatewaydb");
        builder.AddMigrations(typeof(Backends).Assembly);
        builder.Services.AddValidation();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        var health = builder.Services.AddHealthChecks();
        foreach (var service in Names)
        {
            var address = AddressOf(builder.Configuration, service);
            routes.Add(new RouteConfig
            {
                RouteId = service,
                ClusterId = service,
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
                // The gateway turns away callers without a valid token; the service checks roles and records.
                AuthorizationPolicy = "default",
                Timeout = builder.Configuration.GetValue<TimeSpan?>($"Gateway:Timeouts:{service}") ?? TimeSpan.FromSeconds(30),
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                Match = new RouteMatch { Path = $"/openapi/{service}.json" },
                AuthorizationPolicy = "anonymous",
            }.WithTransformPathSet("/openapi/v1.json"));
            clusters.Add(new ClusterConfig
            {
                ClusterId = service,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
            });
            health.Add(new HealthCheckRegistration(service, _ => new BackendHealthCheck(address), HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag]));
        }
        routes.AddRange(PublicReads.Select((read, i) => new RouteConfig
        {
            RouteId = $"{read.Service}-public-{i}",
            ClusterId = read.Service,
            Match = new RouteMatch { Path = read.Path, Methods = ["GET", "HEAD"] },
            AuthorizationPolicy = "anonymous",
        }));
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters).AddTransforms(context =>
            context.AddRequestTransform(transform =>
            {
                transform.ProxyRequest.Headers.Remove(ApiKeyAuthentication.Header);
                var user = transform.HttpContext.User;
                if (user.Identity?.AuthenticationType == ApiKeyAuthentication.SchemeName)
                {
                    var token = transform.HttpContext.RequestServices.GetRequiredService<PartnerTokens>().TokenFor(user);
                    transform.ProxyRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }
                return ValueTask.CompletedTask;
            }));
        return builder;
    }
}

/// <summary>A service is healthy for the gateway when its own /health says so.</summary>
public sealed class BackendHealthCheck(string address) : IHealthCheck
{
    // A plain client: a health probe must answer quickly, not retry.
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(3) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(new Uri(address), "/health"), cancellationToken);
            return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"answered {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("not reachable");
        }
    }
}
