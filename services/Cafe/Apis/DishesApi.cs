using MassTransit;

namespace WijPlatform.Cafe.Apis;

public static class DishesApi
{
    public static RouteGroupBuilder MapDishesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/dishes").WithTags("Dishes").RequireRoles(WijRoles.Cafe, WijRoles.Desk, WijRoles.Professional).WithoutResidentData();
        api.MapPost("/", CreateDish).WithSummary("Add a dish with its price, the EU allergens it contains and its diet labels").RequireRoles(WijRoles.Cafe);
        api.MapGet("/", async Task<Ok<Page<Dish>>> ([AsParameters] PageRequest page, MenuStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListDishesAsync(page, ct))).WithSummary("Dishes by name");
        api.MapGet("/{id:guid}", async Task<Results<Ok<Dish>, ProblemHttpResult>> (Guid id, MenuStore store, CancellationToken ct) =>
            await store.FindDishAsync(id, ct) is { } dish ? TypedResults.Ok(dish) : Problems.NotFound("dish", id))
            .WithSummary("One dish");
        return api;
    }

    public static async Task<Results<Created<Dish>, ValidationProblem>> CreateDish(CreateDish request, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        if ((Vocabulary.Check("allergens", request.Allergens, Allergens.All) ?? Vocabulary.Check("dietTags", request.DietTags, DietTags.All)) is { } invalid)
        {
            return invalid;
        }
        var dish = new Dish(NewId.NextGuid(), request.Name.Trim(), request.Description?.Trim() ?? "", request.PriceCents,
            Vocabulary.Clean(request.Allergens), Vocabulary.Clean(request.DietTags), clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await MenuStore.InsertDishAsync(work, dish, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/cafe/dishes/{dish.Id}", dish);
    }
}

public sealed record CreateDish(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(2000)] string? Description,
    [property: Range(0, 100_00)] int PriceCents,
    [property: Required, MaxLength(20), ItemLength(50)] string[] Allergens,
    [property: MaxLength(20), ItemLength(50)] string[]? DietTags);
