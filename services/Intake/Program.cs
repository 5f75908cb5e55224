var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous().WithoutResidentData();

// Each API declares who may call it and what it audits where its endpoints are defined; record
// rules (the caller's team, a partner's own signals) are scopes its stores require.
app.MapResidentsApi();
app.MapResidentDetailsApi();
app.MapAccessLogApi();
app.MapHouseholdsApi();
app.MapRegisseursApi();
app.MapConsentsApi();
app.MapProfessionalsApi();
app.MapHelpRequestsApi();
app.MapQuickQuestionsApi();
app.MapErasureApi();
app.MapSignalsApi();
app.MapTeamSettingsApi();
app.MapCasesApi();
app.MapPlanApi();
app.MapReferralsApi();
app.MapWorklistsApi();
app.MapResultsApi("intake");
app.MapMessagingAdmin();
app.MapEndpointReport();

app.Run();

public partial class Program;
