using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;

namespace Aspire.Hosting;

public static class ConsoleReportExtensions
{
    /// <summary>
    /// States on the console, one sentence for a resource that cannot start (a port in use is
    /// named before anything runs), every resource's output in the state folder's logs/, resources.json.
    /// </summary>
    public static IDistributedApplicationBuilder AddConsoleReport(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }
        builder.Services.TryAddSingleton<StartFailures>();
        builder.Services.TryAddSingleton<DashboardAddress>();
        builder.Services.AddSingleton<StartupReport>();
        // First among the hosted services: Aspire's own start-up returns only once every resource
        // has been started, and the report is meant to show them starting.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(services => services.GetRequiredService<StartupReport>()));
        builder.Services.Insert(1, ServiceDescriptor.Singleton<IHostedService, ResourceLogFiles>());
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>((@event, _) =>
        {
            foreach (var endpoint in (@event.Resource as IResourceWithEndpoints)?.GetEndpoints() ?? [])
            {
                if (endpoint.EndpointAnnotation is { IsProxied: false, Port: int port } && Ports.IsInUse(port))
                {
                    var cause = $"port {port} is already in use by another program";
                    @event.Services.GetRequiredService<StartFailures>().Record(@event.Resource.Name, cause);
                    throw new ResourceCannotStartException(cause);
                }
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
