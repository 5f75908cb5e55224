using WijPlatform.Calendar.Apis;
using WijPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();

// Who may call what (admin always may). The calendar itself is public: residents and their
// calendar apps read activities, occurrences and feeds without signing in.
app.MapActivitiesApi().RequireRoles(WijRoles.Coordinator, WijRoles.Professional);
app.MapOccurrencesApi().RequireRoles(WijRoles.Coordinator, WijRoles.Professional);
app.MapSignupsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional, WijRoles.Coordinator).Audited("signup");
app.MapFeedsApi().AllowAnonymous();
app.MapWeekApi().AllowAnonymous();
app.MapProposalsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional, WijRoles.Coordinator).Audited("proposal");
app.MapMessagingAdmin();

app.Run();

public partial class Program;
