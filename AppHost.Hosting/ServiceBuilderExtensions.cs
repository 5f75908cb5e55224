using Aspire.Hosting.ApplicationModel;
using WijPlatform.Hosting;
using WijPlatform.Hosting.StateFolder;

namespace Aspire.Hosting;

public static class ServiceBuilderExtensions
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>
    /// One of our .NET services (or the gateway) as an Aspire project resource: HTTP on
    /// 127.0.0.1:<paramref name="port"/> without Aspire's proxy in between (it would add a hop to
    /// every call), healthy when its own /health says so (database and broker reachable).
    /// </summary>
    /// <param name="instanceOf">The service this resource is an instance of, when it is not the first (intake-2 of intake): instances of one service share its audit key and anchors.</param>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name, int port, string? instanceOf = null)
        where TProject : IProjectMetadata, new()
    {
        var serviceName = instanceOf ?? name;
        var options = builder.StateFolder().Options;
        // WithoutHttpsCertificate: plain HTTP on the loopback, no development certificate needed or installed.
#pragma warning disable ASPIRECERTIFICATES001
        var service = (!builder.ExecutionContext.IsPublishMode && ServiceLauncher.For<TProject>() is not null
                ? builder.AddProject<Launched<TProject>>(name, launchProfileName: null)
                : builder.AddProject<TProject>(name, launchProfileName: null))
            .WithHttpEndpoint(port: port, targetPort: port, isProxied: false)
            .WithEndpoint("http", endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", options.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", options.Environment)
            .WithoutHttpsCertificate()
            // Each service signs its audit lines with a key of its own, which its database never
            // sees, and anchors the chain's head outside the database, where its superuser cannot write.
            .WithEnvironment("Audit__SigningKey", builder.AddStateSecret($"{serviceName}-audit-key", StateSecrets.NewKey))
            .WithEnvironment("Audit__AnchorPath", Path.Combine(builder.StateFolder().Directory, "audit", $"{serviceName}.anchors"))
            .WithEnvironment(context =>
            {
                // The gateway is the edge and forwards the caller's address; each service names it in
                // its audit lines itself, so no service rewrites its remote address from the header.
                context.EnvironmentVariables.Remove("ASPNETCORE_FORWARDEDHEADERS_ENABLED");
                // Services record spans only when something collects them: the dashboard, the
                // collector named with --otlp-endpoint, or nothing at all.
                if (options.OtlpEndpoint is { } collector)
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector;
                }
                else if (options.NoDashboard)
                {
                    context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                }
            });
#pragma warning restore ASPIRECERTIFICATES001
        var endpoint = service.GetEndpoint("http");
        return service.WithReadinessCheck(async cancellationToken =>
        {
            using var response = await Probe.GetAsync(new Uri(new Uri(endpoint.Url), "/health"), cancellationToken);
            response.EnsureSuccessStatusCode();
        });
    }

    /// <summary>
    /// <paramref name="count"/> instances of one service: the first named <paramref name="name"/> on
    /// <paramref name="port"/>, the others name-2, name-3, ... on the next ports in steps of ten (or
    /// free ones with --dynamic-ports). They share the service's database, queue (so their consumers
    /// compete) and audit key; <paramref name="configure"/> gives each the same references.
    /// </summary>
    public static ServiceInstances AddServiceInstances<TProject>(this IDistributedApplicationBuilder builder, string name, int port, int count,
        Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> configure)
        where TProject : IProjectMetadata, new()
    {
        var options = builder.StateFolder().Options;
        var instances = Enumerable.Range(1, Math.Max(1, count))
            .Select(i => configure(i == 1
                ? builder.AddService<TProject>(name, port)
                : builder.AddService<TProject>($"{name}-{i}", options.PortFor($"{name}-{i}", port + (10 * (i - 1))), name)))
            .ToList();
        return new ServiceInstances(name, instances);
    }

    /// <summary>
    /// The gateway (or any caller) knows every instance of <paramref name="service"/> by service
    /// discovery's own configuration (services__name__http__0, __1, ...). It starts beside them, not
    /// after them: its own readiness asks each service's /health, so it is healthy only once they are,
    /// and its start (seconds of CPU) overlaps the broker's boot instead of following the services'.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> caller, ServiceInstances service)
    {
        for (var i = 0; i < service.Instances.Count; i++)
        {
            var instance = service.Instances[i];
            caller.WithEnvironment($"services__{service.Name}__http__{i}", instance.GetEndpoint("http"));
        }
        return caller;
    }
}

/// <summary>The instances of one service, in the order the gateway lists them.</summary>
public sealed record ServiceInstances(string Name, IReadOnlyList<IResourceBuilder<ProjectResource>> Instances);
