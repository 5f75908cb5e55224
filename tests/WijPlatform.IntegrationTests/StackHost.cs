using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using WijPlatform.Hosting.Reporting;
using WijPlatform.Hosting.LocalPostgres;

namespace WijPlatform.IntegrationTests;

/// <summary>Where a running test stack lives: its state folder (secrets, logs) and each resource's address.</summary>
public sealed class StackHost(string stateDirectory, DistributedApplication app)
{
    public string StateDirectory { get; } = stateDirectory;

    public Uri GatewayUrl => UrlOf("gateway");

    public IResource Resource(string name) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    /// <summary>The address a resource serves on (http://…, postgresql://…, amqp://…).</summary>
    public Uri UrlOf(string name) =>
        new(ResourceManifest.UrlOf(Resource(name)) ?? throw new InvalidOperationException($"{name} has no address."));

    /// <summary>A connection string to <paramref name="database"/> as <paramref name="user"/> (the superuser, or a database's _owner or _app role).</summary>
    public string ConnectionString(string database, string user) =>
        LocalPostgresResource.ConnectionStringFromState(StateDirectory, UrlOf("postgres"), database, user);
}
