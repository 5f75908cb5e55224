namespace Microsoft.Extensions.Hosting;

/// <summary>A service's own database, through Aspire.Npgsql, tuned for a service and split into two roles.</summary>
public static class NpgsqlExtensions
{
    /// <summary>
    /// The service's <see cref="NpgsqlDataSource"/> from ConnectionStrings:&lt;name&gt; with Aspire.Npgsql's
    /// health check, metrics and (when exported) traces; migrations run as ConnectionStrings:&lt;name&gt;_owner.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured (set ConnectionStrings__{connectionName}).");
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // Fail fast while the database is down, so that callers get a 503 instead of a hanging request.
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            settings.Timeout = 3;
        }
        settings.ApplicationName ??= builder.Environment.ApplicationName;
        // More connections than PostgreSQL has cores to run them only make its backends take turns: past
        // a few dozen, a burst queues for a connection in the service (and is answered 503 after the
        // timeout) instead of slowing every transaction that is already running.
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxPoolSize = builder.Configuration.GetValue("Database:MaxPoolSize", 20);
        }
        // A service sends the same few dozen statements over and over: prepared once per connection,
        // PostgreSQL skips parsing and planning them (a third of its CPU per request, measured).
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 100;
            settings.AutoPrepareMinUsages = 2;
        }

        // Migrations run as the database's owner when one is configured; the service itself then runs
        // as a role that owns nothing and is granted only what the migrations allow.
        var owner = builder.Configuration.GetConnectionString($"{connectionName}_owner");
        builder.Services.AddSingleton(new MigrationConnection(owner, settings.Username));
        // Which instance runs the jobs that must run once per service.
        builder.Services.AddSingleton<WijPlatform.ServiceDefaults.Hosting.JobLeases>();

        DateOnlyTypeHandler.Register();
        builder.AddNpgsqlDataSource(
            connectionName,
            aspire =>
            {
                aspire.ConnectionString = settings.ConnectionString;
                // Spans only when something collects them (ServiceDefaults' rule for every source).
                aspire.DisableTracing = !ServiceDefaultsExtensions.ExportsTelemetry(builder.Configuration);
            },
            dataSource => dataSource.EnableDynamicJson());
        return builder;
    }

    /// <summary>
    /// Applies the SQL migrations embedded in the service (and the messaging tables) before it serves
    /// requests; with <c>--migrate-only</c>, applies them and exits (<see cref="MigrateOnly"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, System.Reflection.Assembly migrations)
    {
        builder.Services.AddSingleton(new MigrationSource(migrations));
        builder.Services.AddSingleton<WijPlatform.ServiceDefaults.Security.AuditMetrics>();
        builder.Services.AddHostedService<MigrationRunner>();
        builder.Services.AddHostedService<WijPlatform.ServiceDefaults.Security.AuditSealer>();
        if (MigrateOnly.IsRequested(builder.Configuration))
        {
            MigrateOnly.Configure(builder);
        }
        return builder;
    }
}
