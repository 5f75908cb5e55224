using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every WijPlatform service shares: telemetry, health, discovery, resilience and problem details.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.AddProblemDetailsDefaults();
        builder.AddRequestProtection();
        builder.AddWijAuthentication();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // A line per request and per SQL command costs more than the work itself at a few hundred
        // requests a second; traces and metrics carry that detail. Logging:LogLevel:* overrides.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(WijPlatform.ServiceDefaults.Messaging.MessagingMetrics.MeterName)
                .AddMeter(WijPlatform.ServiceDefaults.Security.AuditMetrics.MeterName)
                .AddMeter("MassTransit")
                .AddMeter("Npgsql"));

        // Spans are recorded only when something collects them: without an exporter, an activity for
        // every request, SQL command and message costs about a tenth of a request's CPU for nothing.
        if (ExportsTelemetry(builder.Configuration))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(builder.Environment.ApplicationName)
                    .AddSource(WijPlatform.ServiceDefaults.Messaging.MessagingMetrics.MeterName)
                    .AddSource("MassTransit")
                    .AddSource("Npgsql")
                    .AddAspNetCoreInstrumentation(options =>
                        // Health probes would drown the traces that matter.
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/alive"))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Whether an OTLP collector is configured (the Aspire dashboard, or one named by the operator).</summary>
    public static bool ExportsTelemetry(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>/health: ready to serve (database and broker reachable); /alive: the process is responsive.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).DisableHttpMetrics().AllowAnonymous().WithoutResidentData();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
        }).DisableHttpMetrics().AllowAnonymous().WithoutResidentData();
        return app;
    }
}
