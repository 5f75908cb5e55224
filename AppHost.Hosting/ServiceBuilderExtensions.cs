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
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, [ResourceName] string name, int port)
        where TProject : IProjectMetadata, new()
    {
        var options = builder.StateFolder().Options;
        // WithoutHttpsCertificate: plain HTTP on the loopback, no development certificate needed or installed.
#pragma warning disable ASPIRECERTIFICATES001
        var service = builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(port: port, targetPort: port, isProxied: false)
            .WithEndpoint("http", endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", options.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", options.Environment)
            .WithoutHttpsCertificate()
            // Each service signs its audit lines with a key of its own, which its database never
            // sees, and anchors the chain's head outside the database, where its superuser cannot write.
            .WithEnvironment("Audit__SigningKey", builder.AddStateSecret($"{name}-audit-key", StateSecrets.NewKey))
            .WithEnvironment("Audit__AnchorPath", Path.Combine(builder.StateFolder().Directory, "audit", $"{name}.anchors"))
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
}
