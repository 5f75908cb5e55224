using WijPlatform.Cafe.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapMenusApi();
app.MapDishesApi();
app.MapOrdersApi();
app.MapStandingOrdersApi();
app.MapResidentsApi();
app.MapKitchenApi();
app.MapRoundsApi();
app.MapDeliveryApplicationsApi();
app.MapWaitlistApi();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
