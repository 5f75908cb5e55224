using WijPlatform.Contracts;
using WijPlatform.Intake.Infrastructure;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("intakedb");
        builder.AddMigrations(typeof(HelpRequestStore).Assembly);
        builder.AddMessaging(MessageRoutes.Intake);

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddSingleton<HelpRequestStore>();
        return builder;
    }
}
