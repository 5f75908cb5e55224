using System.Globalization;

namespace WijPlatform.Cafe.Apis;

public static class ResidentsApi
{
    public static RouteGroupBuilder MapResidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafe/residents/{residentId:guid}").WithTags("Residents").RequireRoles(WijRoles.Cafe).Audited("diet-profile");
        api.MapPut("/profile", SaveProfile).WithSummary("A resident's diet (allergies, diets, texture), delivery address, emergency contact and payment");
        api.MapGet("/profile", async Task<Results<Ok<ResidentProfile>, ProblemHttpResult>> (Guid residentId, ResidentStore store, CancellationToken ct) =>
            await store.FindProfileAsync(residentId, ct) is { } profile ? TypedResults.Ok(profile) : Problems.NotFound("profile", residentId, new Text("cafe.resident-has-no-café", residentId)))
            .WithSummary("A resident's café profile");
        api.MapPost("/statements/{month}/collected", MarkCollected).WithSummary("The monthly collection went through: everything still open that month is paid");
        api.MapGet("/statements/{month}", GetStatement).WithSummary("What a resident owes for a month (yyyy-MM): meals and late cancellations, paid and still to collect");
        return api;
    }

    public static async Task<Results<Created<ResidentProfile>, Ok<ResidentProfile>, ValidationProblem>> SaveProfile(
        Guid residentId, SaveProfile request, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        if ((Vocabulary.Check("allergies", request.Allergies, Allergens.All) ?? Vocabulary.Check("diets", request.Diets, DietTags.Diets)) is { } invalid)
        {
            return invalid;
        }
        var profile = new ResidentProfile(residentId, request.DisplayName.Trim(), Vocabulary.Clean(request.Allergies), Vocabulary.Clean(request.Diets), request.Texture ?? "normal",
            request.Street?.Trim(), request.HouseNumber?.Trim(), request.Postcode is null ? null : Postcodes.Normalise(request.Postcode), request.Phone?.Trim(),
            request.EmergencyContactName?.Trim(), request.EmergencyContactPhone?.Trim(), request.PaymentMethod ?? "counter", request.LowIncome, clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        var created = await ResidentStore.SaveProfileAsync(work, profile, ct);
        await work.CommitAsync(ct);
        return created
            ? TypedResults.Created($"/api/cafe/residents/{residentId}/profile", profile)
            : TypedResults.Ok(profile);
    }

    public static async Task<Results<Ok<MonthlyStatement>, ValidationProblem>> GetStatement(
        Guid residentId, string month, OrderStore orders, ResidentStore residents, CancellationToken ct)
    {
        if (ParseMonth(month) is not { } first)
        {
            return Problems.Invalid("month", "cafe.give-month-as-yyyy");
        }
        var lines = await orders.ChargeableAsync(residentId, first, first.AddMonths(1), ct);
        var profile = await residents.FindProfileAsync(residentId, ct);
        return TypedResults.Ok(MonthlyStatement.For(residentId, first, profile?.PaymentMethod ?? "counter", lines));
    }

    public static async Task<Results<Ok<MonthlyStatement>, ValidationProblem>> MarkCollected(
        Guid residentId, string month, UnitOfWorkFactory unitOfWork, OrderStore orders, ResidentStore residents, TimeProvider clock, CancellationToken ct)
    {
        if (ParseMonth(month) is not { } first)
        {
            return Problems.Invalid("month", "cafe.give-month-as-yyyy");
        }
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            await OrderStore.MarkCollectedAsync(work, residentId, first, first.AddMonths(1), clock.GetUtcNow().UtcDateTime, ct);
            await work.CommitAsync(ct);
        }
        return await GetStatement(residentId, month, orders, residents, ct);
    }

    private static DateOnly? ParseMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;
}

public sealed record StatementLine(Guid OrderId, DateOnly Date, string Fulfilment, int Portions, int PriceCents, bool LateCancellation, bool Paid);

/// <summary>A month's account: monthly payers have OpenCents collected; counter payers see what they still owe.</summary>
public sealed record MonthlyStatement(Guid ResidentId, string Month, string PaymentMethod, IReadOnlyList<StatementLine> Lines, int TotalCents, int PaidCents, int OpenCents)
{
    public static MonthlyStatement For(Guid residentId, DateOnly month, string paymentMethod, IReadOnlyList<MealOrder> orders)
    {
        var lines = orders.Select(o => new StatementLine(o.Id, o.MenuDate, o.Fulfilment, o.Portions, o.PriceCents, o.Status == OrderStatus.Cancelled, o.PaidAt is not null)).ToList();
        var total = lines.Sum(l => l.PriceCents);
        var paid = lines.Where(l => l.Paid).Sum(l => l.PriceCents);
        return new(residentId, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), paymentMethod, lines, total, paid, total - paid);
    }
}

public sealed record SaveProfile(
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName,
    [property: MaxLength(20), ItemLength(50)] string[]? Allergies,
    [property: MaxLength(20), ItemLength(50)] string[]? Diets,
    [property: AllowedValues(null, "normal", "pureed")] string? Texture,
    [property: StringLength(200)] string? Street,
    [property: StringLength(20)] string? HouseNumber,
    [property: StringLength(7), DutchPostcode] string? Postcode,
    [property: StringLength(30)] string? Phone,
    [property: StringLength(100)] string? EmergencyContactName,
    [property: StringLength(30)] string? EmergencyContactPhone,
    [property: AllowedValues(null, "counter", "monthly")] string? PaymentMethod,
    bool LowIncome = false);
