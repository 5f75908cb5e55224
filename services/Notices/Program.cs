var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous().WithoutResidentData();

app.MapCallListApi();
app.MapNoticesApi();
app.MapVolunteerNoticesApi();
app.MapWebhooksApi();
app.MapMessagingAdmin();
app.MapEndpointReport();

app.Run();

public partial class Program;
