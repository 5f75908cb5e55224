using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddWijService("matchingdb", MessageRoutes.Matching, typeof(VolunteerStore).Assembly);
        builder.Services.AddOpenApi();
        builder.Services.AddValidation();
        // Days of the week read and written as "tuesday", not 2.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

        builder.AddWijOptions<AutoProposalOptions>("Matching:AutoProposal");
        builder.AddWijOptions<UnmatchedOptions>("Matching:Unmatched");
        builder.AddWijOptions<VogWarningOptions>("Matching:Vog");
        builder.Services.AddSingleton(PostcodeMap.Shipped);
        builder.Services.AddSingleton<VolunteerStore>();
        builder.Services.AddSingleton<RequestStore>();
        builder.Services.AddSingleton<BusinessStore>();
        builder.Services.AddSingleton<MatchStore>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<Matchmaker>();
        builder.Services.AddSingleton<MatchMover>();
        builder.Services.AddResults<MatchingResults>();
        builder.Services.AddHostedService<UnmatchedRequestsMonitor>();
        builder.Services.AddSingleton<VogExpiryWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VogExpiryWatch>());
        return builder;
    }
}
