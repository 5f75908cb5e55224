using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace WijPlatform.Gateway;

/// <summary>The services behind the gateway, resolved from service discovery configuration (services__name__http__0).</summary>
public static class Backends
{
    public static readonly string[] Names = ["intake", "calendar", "matching", "cafe", "notices"];

    private static readonly string[] Schemes = ["http", "https"];

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

    /// <summary>
    /// Every instance of a service, as service discovery configuration lists them
    /// (services__name__http__0, services__name__http__1, ...): the gateway balances over all of them.
    /// </summary>
    public static IReadOnlyList<string> AddressesOf(IConfiguration configuration, string service)
    {
        var addresses = Schemes
            .SelectMany(scheme => configuration.GetSection($"services:{service}:{scheme}").GetChildren())
            .Select(entry => entry.Value)
            .OfType<string>()
            .Where(address => address.Length > 0)
            .ToList();
        return addresses.Count > 0 ? addresses
            : throw new InvalidOperationException($"No address for '{service}': set services__{service}__http__0 (and __1, ... for more instances).");
    }

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
            var addresses = AddressesOf(builder.Configuration, service);
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
                Destinations = addresses.Select((address, i) => (address, i)).ToDictionary(d => $"{service}-{d.i + 1}", d => new DestinationConfig { Address = d.address }),
                LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
                HealthCheck = Health(addresses.Count),
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(30) },
            });
            health.Add(new HealthCheckRegistration(service, _ => new BackendHealthCheck(addresses), HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag]));
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
        DestinationHealthLog.Register(builder);
        return builder;
    }

    /// <summary>
    /// With more than one instance, an instance that stops answering leaves the rotation: at once when
    /// forwarding to it fails (passive), and until its /alive answers again (active, every 5 s).
    /// </summary>
    private static HealthCheckConfig Health(int instances) => new()
    {
        Passive = new PassiveHealthCheckConfig { Enabled = instances > 1, Policy = "TransportFailureRate", ReactivationPeriod = TimeSpan.FromSeconds(10) },
        Active = new ActiveHealthCheckConfig
        {
            Enabled = instances > 1,
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(3),
            Policy = "ConsecutiveFailures",
            Path = "/alive",
        },
    };
}

/// <summary>
/// A service is healthy for the gateway when one of its instances' own /health says so; degraded
/// while some instances do not answer, so that an operator sees the lost instance before the service.
/// </summary>
public sealed class BackendHealthCheck(IReadOnlyList<string> addresses) : IHealthCheck
{
    // A plain client: a health probe must answer quickly, not retry.
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(3) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(addresses.Select(address => ProbeAsync(address, cancellationToken)));
        var healthy = answers.Count(a => a is null);
        return healthy == answers.Length ? HealthCheckResult.Healthy(healthy > 1 ? $"{healthy} instances" : null)
            : healthy > 0 ? HealthCheckResult.Degraded($"{healthy} of {answers.Length} instances answer")
            : HealthCheckResult.Unhealthy(answers[0]);
    }

    private static async Task<string?> ProbeAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(new Uri(address), "/health"), cancellationToken);
            return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return "not reachable";
        }
    }
}
