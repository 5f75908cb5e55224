using WijPlatform.Intake.Apis;
using WijPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();

// Who may call what (admin always may); record-level rules live in the endpoints themselves.
app.MapResidentsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapHouseholdsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapConsentsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapProfessionalsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapHelpRequestsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapQuickQuestionsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapErasureApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapSignalsApi().RequireRoles(WijRoles.Partner, WijRoles.Desk, WijRoles.Professional);
app.MapCasesApi().RequireRoles(WijRoles.Professional).ScopedToTeam(TeamScope.Record.Case);
app.MapPlanApi().RequireRoles(WijRoles.Professional).ScopedToTeam(TeamScope.Record.Household, "householdId");
app.MapReferralsApi().RequireRoles(WijRoles.Professional).ScopedToTeam(TeamScope.Record.Case, "caseId");
app.MapWorklistsApi().RequireRoles(WijRoles.Professional).ScopedToTeam();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
