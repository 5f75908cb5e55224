var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous().WithoutResidentData();

// Each API declares who may call it and what it audits where its endpoints are defined. The
// calendar itself is public: residents and their calendar apps read activities, occurrences and
// feeds without signing in.
app.MapActivitiesApi();
app.MapOccurrencesApi();
app.MapSignupsApi();
app.MapPartnerSignupsApi();
app.MapFeedsApi();
app.MapWeekApi();
app.MapProposalsApi();
app.MapResultsApi("calendar");
app.MapMessagingAdmin();
app.MapEndpointReport();

app.Run();

public partial class Program;
