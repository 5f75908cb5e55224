namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddWijService("calendardb", MessageRoutes.Calendar, typeof(ActivityStore).Assembly);
        builder.Services.AddOpenApi();
        builder.Services.AddValidation();

        builder.Services.AddSingleton<ActivityStore>();
        builder.Services.AddSingleton<SignupStore>();
        builder.Services.AddSingleton<ProposalStore>();
        builder.Services.AddSingleton<SignupDesk>();
        builder.Services.AddResults<CalendarResults>();
        return builder;
    }
}
