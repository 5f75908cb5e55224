using WijPlatform.Cafe.Apis;
using WijPlatform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapOpenApi().AllowAnonymous();

// Who may call what (admin always may); a deliverer's own round is checked in the endpoints.
app.MapMenusApi().RequireRoles(WijRoles.Cafe, WijRoles.Desk, WijRoles.Professional);
app.MapDishesApi().RequireRoles(WijRoles.Cafe, WijRoles.Desk, WijRoles.Professional);
app.MapOrdersApi().RequireRoles(WijRoles.Cafe).Audited("order");
app.MapStandingOrdersApi().RequireRoles(WijRoles.Cafe).Audited("standing-order");
app.MapResidentsApi().RequireRoles(WijRoles.Cafe).Audited("diet-profile");
app.MapKitchenApi().RequireRoles(WijRoles.Cafe).Audited("kitchen-sheet");
app.MapRoundsApi().RequireRoles(WijRoles.Cafe, WijRoles.Volunteer).Audited("delivery-round").OwnedByVolunteer("SELECT volunteer_id FROM delivery_rounds WHERE id = @id");
app.MapDeliveryApplicationsApi().RequireRoles(WijRoles.Cafe).Audited("delivery-application");
app.MapWaitlistApi().RequireRoles(WijRoles.Cafe, WijRoles.Desk).Audited("waiting-list-notice");
app.MapMessagingAdmin();

app.Run();

public partial class Program;
