using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace WijPlatform.Gateway;

/// <summary>The services behind the gateway, resolved from service discovery configuration (services__name__http__0).</summary>
public static class Backends
{
    public static readonly string[] Names = ["intake", "calendar", "matching", "cafe"];

    public static string AddressOf(IConfiguration configuration, string service) =>
        configuration[$"services:{service}:http:0"] ?? configuration[$"services:{service}:https:0"]
        ?? throw new InvalidOperationException($"No address for '{service}': set services__{service}__http__0.");

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
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
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                Match = new RouteMatch { Path = $"/openapi/{service}.json" },
            }.WithTransformPathSet("/openapi/v1.json"));
            clusters.Add(new ClusterConfig
            {
                ClusterId = service,
                Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
            });
            health.Add(new HealthCheckRegistration(service, _ => new BackendHealthCheck(address), HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag]));
        }
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
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
