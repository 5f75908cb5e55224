namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddWijService("noticesdb", MessageRoutes.Notices, typeof(NoticeStore).Assembly);
        builder.Services.AddOpenApi();
        builder.Services.AddValidation();

        builder.Services.AddSingleton<NoticeStore>();
        builder.AddSender();
        builder.Services.AddHostedService<MessageDispatcher>();
        builder.AddWebhooks();
        return builder;
    }
}
