using WijPlatform.Matching.Apis;
using WijPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();

// Who may call what (admin always may); a volunteer's own records are checked in the endpoints.
app.MapVolunteersApi().RequireRoles(WijRoles.Coordinator, WijRoles.Volunteer).Audited("volunteer").OwnedByVolunteer();
app.MapVolunteerRequestsApi().RequireRoles(WijRoles.Coordinator).Audited("volunteer-request");
app.MapMatchesApi().RequireRoles(WijRoles.Coordinator, WijRoles.Volunteer).Audited("match").OwnedByVolunteer("SELECT volunteer_id FROM matches WHERE id = @id");
app.MapReportsApi().RequireRoles(WijRoles.Coordinator, WijRoles.Professional);
app.MapMessagingAdmin();

app.Run();

public partial class Program;
