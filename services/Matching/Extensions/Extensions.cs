using System.Text.Json;
using System.Text.Json.Serialization;
using WijPlatform.Contracts;
using WijPlatform.Matching.Apis;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Messaging;
using WijPlatform.Matching.Model;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase("matchingdb");
        builder.AddMigrations(typeof(VolunteerStore).Assembly);
        builder.AddMessaging(MessageRoutes.Matching, bus =>
        {
            bus.AddConsumer<VolunteerRequestedConsumer>();
            bus.AddConsumer<DelivererRequestedConsumer>();
            bus.AddConsumer<ResidentErasureRequestedConsumer>();
        });

        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        // Days of the week read and written as "tuesday", not 2.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.Configure<AutoProposalOptions>(builder.Configuration.GetSection("Matching:AutoProposal"));
        builder.Services.Configure<UnmatchedOptions>(builder.Configuration.GetSection("Matching:Unmatched"));
        builder.Services.AddSingleton(PostcodeMap.Shipped);
        builder.Services.AddSingleton<VolunteerStore>();
        builder.Services.AddSingleton<RequestStore>();
        builder.Services.AddSingleton<MatchStore>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<Matchmaker>();
        builder.Services.AddSingleton<MatchMover>();
        builder.Services.AddHostedService<UnmatchedRequestsMonitor>();
        builder.Services.Configure<VogWarningOptions>(builder.Configuration.GetSection("Matching:Vog"));
        builder.Services.AddSingleton<VogExpiryWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VogExpiryWatch>());
        return builder;
    }
}
