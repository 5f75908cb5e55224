using WijPlatform.Intake.Extensions;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddWijService("intakedb", MessageRoutes.Intake, typeof(CaseStore).Assembly);
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer<OpenApiExamples>());
        builder.Services.AddValidation();

        builder.Services.AddSingleton<CaseStore>();
        builder.Services.AddSingleton<ResidentStore>();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<RegisseurStore>();
        builder.Services.AddSingleton<ConsentStore>();
        builder.Services.AddSingleton<ReferralStore>();
        builder.Services.AddSingleton<SignalStore>();
        builder.Services.AddSingleton<TeamSettingsStore>();
        builder.Services.AddSingleton<SignalProgress>();
        builder.Services.AddSingleton<SignalTriage>();
        builder.Services.AddSingleton<ErasureStore>();
        builder.Services.AddSingleton<ReferralSender>();
        builder.Services.AddSingleton<CaseChanger>();
        builder.Services.AddSingleton<PlanEditor>();
        builder.Services.AddResults<IntakeResults>();
        return builder;
    }
}
