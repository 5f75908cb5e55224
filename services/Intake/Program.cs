using WijPlatform.Intake.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapHelpRequestsApi();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
