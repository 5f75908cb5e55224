using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace WijPlatform.Hosting.Reporting;

/// <summary>Where the Aspire dashboard listens, when the AppHost runs one.</summary>
public sealed class DashboardAddress(IConfiguration configuration, DistributedApplicationOptions options)
{
    public const string ResourceName = "aspire-dashboard";

    public string? Url => options.DisableDashboard ? null : configuration["ASPNETCORE_URLS"]?.Split(';')[0];
}
