using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WijPlatform.Contracts;
using WijPlatform.Notices.Infrastructure;
using WijPlatform.Notices.Sending;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("noticesdb");
        builder.AddMigrations(typeof(NoticeStore).Assembly);
        builder.AddMessaging(MessageRoutes.Notices, bus => bus.AddConsumers(typeof(NoticeStore).Assembly));

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<NoticeStore>();
        builder.AddSender();
        builder.Services.AddHostedService<MessageDispatcher>();
        return builder;
    }
}
