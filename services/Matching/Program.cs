using WijPlatform.Matching.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapVolunteersApi();
app.MapVolunteerRequestsApi();
app.MapMatchesApi();
app.MapReportsApi();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
