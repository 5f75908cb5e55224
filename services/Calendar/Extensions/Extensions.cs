using Microsoft.Extensions.DependencyInjection.Extensions;
using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Calendar.Messaging;
using WijPlatform.Contracts;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("calendardb");
        builder.AddMigrations(typeof(ActivityStore).Assembly);
        builder.AddMessaging(MessageRoutes.Calendar, bus =>
        {
            bus.AddConsumer<DailyMealPublishedConsumer>();
            bus.AddConsumer<ActivityReferralRequestedConsumer>();
            bus.AddConsumer<ResidentErasureRequestedConsumer>();
        });

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddSingleton<ActivityStore>();
        builder.Services.AddSingleton<SignupStore>();
        builder.Services.AddSingleton<ProposalStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
