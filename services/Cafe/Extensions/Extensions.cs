using WijPlatform.Cafe.Infrastructure;
using WijPlatform.Cafe.Messaging;
using WijPlatform.Contracts;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("cafedb");
        builder.AddMigrations(typeof(MenuStore).Assembly);
        builder.AddMessaging(MessageRoutes.Cafe, bus =>
        {
            bus.AddConsumer<DelivererAssignedConsumer>();
            bus.AddConsumer<ResidentErasureRequestedConsumer>();
            bus.AddConsumer<MealDeliveryRequestedConsumer>();
            bus.AddConsumer<DelivererProposedConsumer>();
            bus.AddConsumer<DelivererDeclinedConsumer>();
            bus.AddConsumer<RoundUnmatchedConsumer>();
        });

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddOptions<CafeOptions>().BindConfiguration("Cafe");
        builder.Services.AddSingleton<MenuStore>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<ResidentStore>();
        builder.Services.AddSingleton<RoundStore>();
        builder.Services.AddSingleton<OrderDesk>();
        builder.Services.AddSingleton<ApplicationStore>();
        return builder;
    }
}
