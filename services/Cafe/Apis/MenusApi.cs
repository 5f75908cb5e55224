using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Cafe.Infrastructure;
using WijPlatform.Cafe.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.Contracts;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Cafe.Apis;

public static class MenusApi
{
    public static RouteGroupBuilder MapMenusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/menus").WithTags("Menus");
        api.MapPost("/", PublishMenu).WithSummary("Publish a day's warm meal; it appears in the calendar");
        api.MapGet("/{date}", GetMenu).WithSummary("The warm meal of a date (yyyy-MM-dd) and the portions left");
        return api;
    }

    public static async Task<Results<Created<DailyMenu>, ValidationProblem, ProblemHttpResult>> PublishMenu(
        PublishMenu request, UnitOfWorkFactory unitOfWork, CafeStore store, TimeProvider clock, CancellationToken ct)
    {
        var unknown = request.Allergens.Where(a => !Allergens.All.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["allergens"] = [$"Unknown allergen(s): {string.Join(", ", unknown)}. Use the 14 EU allergens: {string.Join(", ", Allergens.All)}."] });
        }
        var menu = new DailyMenu(NewId.NextGuid(), request.Date, request.Dish.Trim(), request.Description ?? "", request.PriceCents, request.Allergens.Distinct().ToArray(), request.Portions, clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        if (!await store.InsertMenuAsync(work, menu, ct))
        {
            return Problems.Conflict("That day already has a menu.", $"A warm meal for {request.Date:yyyy-MM-dd} is already published.");
        }
        var (from, until) = CafeHours.MealTime(menu.MenuDate);
        await work.PublishAsync(new DailyMealPublished(menu.Id, menu.MenuDate, menu.Dish, menu.Description, menu.Portions, from, until), ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/cafe/menus/{menu.MenuDate:yyyy-MM-dd}", menu);
    }

    public static async Task<Results<Ok<MenuOfTheDay>, ProblemHttpResult>> GetMenu(DateOnly date, CafeStore store, CancellationToken ct)
    {
        if (await store.FindMenuAsync(date, ct) is not { } menu)
        {
            return Problems.NotFound("No menu for that day.", $"No warm meal is published for {date:yyyy-MM-dd}.");
        }
        return TypedResults.Ok(new MenuOfTheDay(menu, await store.PortionsLeftAsync(menu.Id, menu.Portions, ct)));
    }
}

public sealed record MenuOfTheDay(DailyMenu Menu, int PortionsLeft);

public sealed record PublishMenu(
    DateOnly Date,
    [property: Required, StringLength(200, MinimumLength = 1)] string Dish,
    [property: StringLength(2000)] string? Description,
    [property: Range(0, 100_00)] int PriceCents,
    [property: Required] string[] Allergens,
    [property: Range(0, 1000)] int Portions);
