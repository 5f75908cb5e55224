namespace WijPlatform.IntegrationTests.Cafe;

/// <summary>Shortcuts for the café's API and, where a test plays another service, its database.</summary>
internal static class CafeClient
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static int _day = Random.Shared.Next(0, 20_000);

    /// <summary>A future date no other test uses (menus are one per date); the next 30 days are the caller's too, so a test's standing orders must end within them.</summary>
    public static DateOnly FreshFutureDate() => new DateOnly(2040, 1, 1).AddDays(30 * Interlocked.Increment(ref _day));

    public static async Task<JsonElement> PublishMenuAsync(this StackFixture stack, DateOnly date, int portions, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["date"] = date, ["dish"] = "Hutspot met klapstuk", ["priceCents"] = 750, ["allergens"] = new[] { "celery", "milk" }, ["portions"] = portions,
        };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }
        using var cafe = stack.Cafe();
        var response = await cafe.PostAsJsonAsync("/api/cafe/menus", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }

    /// <summary>
    /// The menu of a day that has passed, as the café's database keeps it: the API publishes no menu
    /// for a past day, so a test of what happens after a day's cut-off writes it the way it was left.
    /// </summary>
    public static async Task<JsonElement> PastMenuAsync(this StackFixture stack, DateOnly date, int portions)
    {
        var menuId = Guid.NewGuid();
        await using (var cafe = await stack.OpenDatabaseAsync("cafedb"))
        {
            await using var insert = new Npgsql.NpgsqlCommand(
                """
                WITH dish AS (
                    INSERT INTO dishes (id, name, description, price_cents, allergens, diet_tags, created_at)
                    VALUES ($1, 'Hutspot met klapstuk', '', 750, '{celery}', '{}', now()) RETURNING id),
                menu AS (
                    INSERT INTO daily_menus (id, menu_date, dish, description, price_cents, allergens, portions, created_at)
                    VALUES ($2, $3, 'Hutspot met klapstuk', '', 750, '{celery}', $4, now()) RETURNING id)
                INSERT INTO menu_dishes (menu_id, dish_id, position) SELECT menu.id, dish.id, 0 FROM menu, dish
                """, cafe)
            {
                Parameters = { new() { Value = Guid.NewGuid() }, new() { Value = menuId }, new() { Value = date }, new() { Value = portions } },
            };
            await insert.ExecuteNonQueryAsync();
        }
        using var client = stack.Cafe();
        return await client.GetFromJsonAsync<JsonElement>($"/api/cafe/menus/{date:yyyy-MM-dd}");
    }

    public static async Task<Guid> ResidentWithProfileAsync(this StackFixture stack, object? overrides = null)
    {
        var residentId = Guid.NewGuid();
        var body = new Dictionary<string, object?>
        {
            ["displayName"] = "Mevrouw Jansen", ["street"] = "Kastanjelaan", ["houseNumber"] = "3", ["postcode"] = "3705ab",
            ["phone"] = "030-1234567", ["emergencyContactName"] = "Dochter", ["emergencyContactPhone"] = "06-12345678", ["paymentMethod"] = "monthly",
        };
        foreach (var property in JsonSerializer.SerializeToElement(overrides ?? new { }).EnumerateObject())
        {
            body[property.Name] = property.Value;
        }
        using var cafe = stack.Cafe();
        var response = await cafe.PutAsJsonAsync($"/api/cafe/residents/{residentId}/profile", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return residentId;
    }
}
