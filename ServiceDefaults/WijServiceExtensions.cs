using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every WijPlatform service with a database and a queue registers the same way.</summary>
public static class WijServiceExtensions
{
    /// <summary>
    /// The service's own database (<paramref name="database"/>, with its migrations embedded in
    /// <paramref name="service"/>), its queue with every consumer the assembly declares, and the clock.
    /// OpenAPI and validation stay in the service's own Extensions: their source generators register
    /// the service's types at the call site, so the call must be in the service's project.
    /// </summary>
    public static IHostApplicationBuilder AddWijService(this IHostApplicationBuilder builder, string database, string queue, Assembly service)
    {
        builder.AddServiceDatabase(database);
        builder.AddMigrations(service);
        builder.AddMessaging(queue, bus => bus.AddConsumers(service));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddIdempotentWrites();
        // One map of postcodes to neighbourhood teams for every service; Neighbourhoods:9711-9712=Groningen Centrum, ...
        // replaces the shipped table for another town (the same setting on every service).
        var configured = builder.Configuration.GetSection("Neighbourhoods").Get<Dictionary<string, string>>();
        builder.Services.TryAddSingleton(configured is { Count: > 0 } table ? new WijPlatform.Contracts.Vocabulary.NeighbourhoodTable(table) : WijPlatform.Contracts.Vocabulary.NeighbourhoodTable.Default);
        return builder;
    }
}
