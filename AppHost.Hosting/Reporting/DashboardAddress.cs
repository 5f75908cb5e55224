using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace WijPlatform.Hosting.Reporting;

/// <summary>Where the Aspire dashboard listens, when the AppHost runs one.</summary>
public sealed class DashboardAddress(IConfiguration configuration, DistributedApplicationOptions options, DistributedApplicationModel model)
{
    public const string ResourceName = "aspire-dashboard";

    /// <summary>The dashboard's own endpoint once it is allocated, else the address it was configured with.</summary>
    public string? Url =>
        options.DisableDashboard ? null
        : model.Resources.FirstOrDefault(r => r.Name == ResourceName) is IResourceWithEndpoints dashboard
          && dashboard.GetEndpoints().FirstOrDefault(e => e.IsAllocated && e.EndpointName is "http" or "https") is { } endpoint
            ? endpoint.Url
            : configuration["ASPNETCORE_URLS"]?.Split(';')[0];
}
