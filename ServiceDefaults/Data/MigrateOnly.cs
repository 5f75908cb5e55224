using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WijPlatform.ServiceDefaults.Data;

/// <summary>
/// <c>--migrate-only</c> (or <c>Database:MigrateOnly=true</c>): the process applies the service's
/// migrations as the owner role and exits, 0 when the schema is current. A Kubernetes Job runs the
/// service's own image this way before a rollout, so the service's pods never need the owner's password.
/// Only the migration runner starts: no web server, no bus, no background job.
/// </summary>
public static class MigrateOnly
{
    public const string Argument = "--migrate-only";

    public static bool IsRequested(IConfiguration configuration) =>
        Environment.GetCommandLineArgs().Contains(Argument, StringComparer.Ordinal)
        || configuration.GetValue("Database:MigrateOnly", false);

    public static void Configure(IHostApplicationBuilder builder) =>
        builder.ConfigureContainer(new Factory(builder.Environment.IsDevelopment()));

    /// <summary>Sees the finished service collection at build time, so hosted services added after the migrations are left out too.</summary>
    private sealed class Factory(bool validateScopes) : IServiceProviderFactory<IServiceCollection>
    {
        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            var others = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType != typeof(MigrationRunner)).ToList();
            foreach (var descriptor in others)
            {
                services.Remove(descriptor);
            }
            // Hosted services start one after the other: this one runs once the migrations are applied.
            services.AddHostedService<StopWhenMigrated>();
            return services;
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) =>
            containerBuilder.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validateScopes });
    }

    private sealed class StopWhenMigrated(IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
