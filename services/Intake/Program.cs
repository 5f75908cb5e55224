using WijPlatform.Intake.Apis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapResidentsApi();
app.MapHouseholdsApi();
app.MapPlanApi();
app.MapConsentsApi();
app.MapProfessionalsApi();
app.MapHelpRequestsApi();
app.MapQuickQuestionsApi();
app.MapCasesApi();
app.MapReferralsApi();
app.MapSignalsApi();
app.MapWorklistsApi();
app.MapErasureApi();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
