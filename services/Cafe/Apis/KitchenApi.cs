namespace WijPlatform.Cafe.Apis;

public static class KitchenApi
{
    public static RouteGroupBuilder MapKitchenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/kitchen-sheets").WithTags("Kitchen").RequireRoles(WijRoles.Cafe).Audited("kitchen-sheet");
        api.MapGet("/{date}", GetKitchenSheet).WithSummary("The day's kitchen sheet: portions per dish and diet, seats in the café, special requests and allergies");
        return api;
    }

    public static async Task<Results<Ok<KitchenSheet>, ProblemHttpResult>> GetKitchenSheet(DateOnly date, MenuStore menus, OrderStore orders, CancellationToken ct)
    {
        if (await menus.FindMenuAsync(date, ct) is null)
        {
            return Problems.NotFound("menu", date, new Text("cafe.no-warm-meal-published", date));
        }
        return TypedResults.Ok(KitchenSheet.From(date, await orders.KitchenLinesAsync(date, ct), await orders.WaitlistedAsync(date, ct)));
    }
}
