using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Calendar.Messaging;
using WijPlatform.Contracts;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("calendardb");
        builder.AddMigrations(typeof(ActivityStore).Assembly);
        builder.AddMessaging(MessageRoutes.Calendar, bus => bus.AddConsumer<DailyMealPublishedConsumer>());

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddSingleton<ActivityStore>();
        return builder;
    }
}
