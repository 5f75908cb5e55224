using WijPlatform.Calendar.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapActivitiesApi();
app.MapOccurrencesApi();
app.MapSignupsApi();
app.MapFeedsApi();
app.MapWeekApi();
app.MapProposalsApi();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
