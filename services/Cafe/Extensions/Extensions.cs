using WijPlatform.Cafe.Infrastructure;
using WijPlatform.Contracts;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("cafedb");
        builder.AddMigrations(typeof(CafeStore).Assembly);
        builder.AddMessaging(MessageRoutes.Cafe);

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddSingleton<CafeStore>();
        return builder;
    }
}
