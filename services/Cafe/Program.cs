var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous().WithoutResidentData();

// Each API declares who may call it and what it audits where its endpoints are defined; a
// deliverer's own round is a scope the round store requires.
app.MapMenusApi();
app.MapDishesApi();
app.MapOrdersApi();
app.MapStandingOrdersApi();
app.MapResidentsApi();
app.MapKitchenApi();
app.MapRoundsApi();
app.MapDeliveryApplicationsApi();
app.MapWaitlistApi();
app.MapResultsApi("cafe");
app.MapMessagingAdmin();
app.MapEndpointReport();

app.Run();

public partial class Program;
