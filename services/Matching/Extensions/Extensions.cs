using WijPlatform.Contracts;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Messaging;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("matchingdb");
        builder.AddMigrations(typeof(MatchingStore).Assembly);
        builder.AddMessaging(MessageRoutes.Matching, bus => bus.AddConsumer<VolunteerRequestedConsumer>());

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        builder.Services.AddSingleton<MatchingStore>();
        return builder;
    }
}
