namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddWijService("cafedb", MessageRoutes.Cafe, typeof(MenuStore).Assembly);
        builder.Services.AddOpenApi();
        builder.Services.AddValidation();

        builder.AddWijOptions<CafeOptions>("Cafe");
        builder.Services.AddSingleton<MenuStore>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<ResidentStore>();
        builder.Services.AddSingleton<RoundStore>();
        builder.Services.AddSingleton<OrderDesk>();
        builder.Services.AddSingleton<ApplicationStore>();
        builder.Services.AddResults<CafeResults>();
        return builder;
    }
}
