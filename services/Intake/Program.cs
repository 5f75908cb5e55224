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
app.MapResidentsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("resident");
app.MapAccessLogApi().RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("access-log");
app.MapHouseholdsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("household");
app.MapConsentsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("consent");
app.MapProfessionalsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapHelpRequestsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("case");
app.MapQuickQuestionsApi().RequireRoles(WijRoles.Desk, WijRoles.Professional);
app.MapErasureApi().RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("erasure");
app.MapSignalsApi().RequireRoles(WijRoles.Partner, WijRoles.Desk, WijRoles.Professional).Audited("signal");
app.MapCasesApi().RequireRoles(WijRoles.Professional).Audited("case").ScopedToTeam(TeamScope.Record.Case);
app.MapPlanApi().RequireRoles(WijRoles.Professional).Audited("plan").ScopedToTeam(TeamScope.Record.Household, "householdId");
app.MapReferralsApi().RequireRoles(WijRoles.Professional).Audited("referral").ScopedToTeam(TeamScope.Record.Case, "caseId");
app.MapWorklistsApi().RequireRoles(WijRoles.Professional).Audited("worklist").ScopedToTeam();
app.MapMessagingAdmin();

app.Run();

public partial class Program;
