using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Cafe.Infrastructure;
using WijPlatform.Cafe.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Cafe.Apis;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/orders").WithTags("Meal orders");
        api.MapPost("/", PlaceOrder).WithSummary("Order the warm meal of a day: eat in, pick up or home delivery");
        return api;
    }

    public static async Task<Results<Created<MealOrder>, ProblemHttpResult>> PlaceOrder(
        PlaceOrder request, UnitOfWorkFactory unitOfWork, CafeStore store, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var (menu, order) = await store.OrderAsync(work, request.Date, NewId.NextGuid(), request.ResidentName.Trim(), request.Fulfilment, request.Portions, ct);
        if (menu is null)
        {
            return Problems.NotFound("No menu for that day.", $"No warm meal is published for {request.Date:yyyy-MM-dd}.");
        }
        if (order is null)
        {
            return Problems.Conflict("Sold out.", "Helaas, de maaltijd van deze dag is uitverkocht.");
        }
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/cafe/orders/{order.Id}", order);
    }
}

public sealed record PlaceOrder(
    DateOnly Date,
    [property: Required, StringLength(100, MinimumLength = 1)] string ResidentName,
    [property: Required, AllowedValues("eat-in", "pick-up", "delivery")] string Fulfilment,
    [property: Range(1, 10)] int Portions = 1);
