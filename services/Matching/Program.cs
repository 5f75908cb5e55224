var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous().WithoutResidentData();

// Each API declares who may call it and what it audits where its endpoints are defined; a
// volunteer's own records are a scope its stores require.
app.MapVolunteersApi();
app.MapVolunteerApplicationsApi();
app.MapVolunteerRequestsApi();
app.MapBusinessesApi();
app.MapMatchesApi();
app.MapReportsApi();
app.MapResultsApi("matching");
app.MapMessagingAdmin();
app.MapEndpointReport();

app.Run();

public partial class Program;
