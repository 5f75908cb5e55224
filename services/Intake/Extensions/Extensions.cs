using Microsoft.Extensions.DependencyInjection.Extensions;
using MassTransit;
using WijPlatform.Contracts;
using WijPlatform.Intake.Apis;
using WijPlatform.Intake.Extensions;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("intakedb");
        builder.AddMigrations(typeof(CaseStore).Assembly);
        builder.AddMessaging(MessageRoutes.Intake, bus => bus.AddConsumers(typeof(CaseStore).Assembly));

        builder.Services.AddOpenApi(options => options.AddSchemaTransformer<OpenApiExamples>());
        builder.Services.AddValidation();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Neighbourhoods:9711-9712=Groningen Centrum, ... replaces the shipped table for another town.
        var configured = builder.Configuration.GetSection("Neighbourhoods").Get<Dictionary<string, string>>();
        builder.Services.AddSingleton(configured is { Count: > 0 } table ? new NeighbourhoodTable(table) : NeighbourhoodTable.Default);
        builder.Services.AddSingleton<CaseStore>();
        builder.Services.AddSingleton<ResidentStore>();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<RegisseurStore>();
        builder.Services.AddSingleton<ConsentStore>();
        builder.Services.AddSingleton<ReferralStore>();
        builder.Services.AddSingleton<ErasureStore>();
        builder.Services.AddSingleton<ReferralSender>();
        builder.Services.AddSingleton<CaseChanger>();
        builder.Services.AddSingleton<PlanEditor>();
        return builder;
    }
}
