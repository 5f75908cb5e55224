namespace WijPlatform.IntegrationTests.Cafe;

public sealed class MenuAndOrderTests(StackFixture stack)
{
    private readonly HttpClient _cafe = stack.Cafe();

    [Fact]
    public async Task An_order_that_clashes_with_the_residents_allergy_is_refused_naming_it_unless_confirmed()
    {
        var date = CafeClient.FreshFutureDate();
        var lasagne = await (await _cafe.PostAsJsonAsync("/api/cafe/dishes", new
        {
            name = "Groentelasagne", priceCents = 700, allergens = new[] { "gluten", "eggs" }, dietTags = new[] { "vegetarian" },
        })).ReadAsync<JsonElement>();
        var menu = await stack.PublishMenuAsync(date, 20, new { dishIds = new[] { lasagne.GetProperty("id").GetGuid() } });
        Assert.Equal(["Hutspot met klapstuk", "Groentelasagne"], menu.GetProperty("dishes").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        var hutspot = menu.GetProperty("dishes")[0].GetProperty("id").GetGuid();
        var resident = await stack.ResidentWithProfileAsync(new { allergies = new[] { "milk" } });

        var refused = await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, dishId = hutspot, fulfilment = "eat-in" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ReadAsync<JsonElement>();
        // Said in Dutch to the café; the conflict itself keeps the stored word.
        Assert.Contains("Bevat melk", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("milk", problem.GetProperty("conflicts")[0].GetProperty("value").GetString());

        var confirmed = await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, dishId = hutspot, fulfilment = "eat-in", confirmDietConflicts = true, placedBy = "staff", channel = "phone" });
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var order = await confirmed.ReadAsync<JsonElement>();
        Assert.Equal(["allergen:milk"], order.GetProperty("confirmedConflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Mevrouw Jansen", order.GetProperty("residentName").GetString());
        Assert.Equal("staff", order.GetProperty("placedBy").GetString());

        // The menu for this resident shows only what suits her; the hutspot is set aside with the reason.
        var forHer = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/menus/{date:yyyy-MM-dd}?residentId={resident}");
        Assert.Equal(["Groentelasagne"], forHer.GetProperty("dishes").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal("milk", forHer.GetProperty("unsuitableDishes")[0].GetProperty("conflicts")[0].GetProperty("value").GetString());

        // The kitchen sees the confirmed conflict and the allergy on its sheet.
        var sheet = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/kitchen-sheets/{date:yyyy-MM-dd}");
        Assert.Equal(1, sheet.GetProperty("seatsNeeded").GetInt32());
        var note = Assert.Single(sheet.GetProperty("notes").EnumerateArray());
        Assert.Equal("allergen:milk", note.GetProperty("confirmedConflicts")[0].GetString());
    }

    [Fact]
    public async Task After_the_cutoff_a_day_takes_no_orders()
    {
        var past = new DateOnly(2015, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var menu = await stack.PastMenuAsync(past, 10);
        Assert.False(menu.GetProperty("orderingOpen").GetBoolean());

        var late = await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date = past, residentName = "Meneer de Vries", fulfilment = "eat-in" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Bestellen is gesloten.", (await late.ReadAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_sold_out_day_offers_a_waiting_list_and_a_cancellation_in_time_is_free_and_goes_to_the_first_waiting()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 2);
        var first = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = "Eerste", fulfilment = "pick-up", portions = 2 })).ReadAsync<JsonElement>();

        var soldOut = await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = "Tweede", fulfilment = "eat-in" });
        Assert.Equal(HttpStatusCode.Conflict, soldOut.StatusCode);
        var menu = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/menus/{date:yyyy-MM-dd}");
        Assert.True(menu.GetProperty("soldOut").GetBoolean());
        Assert.False(menu.GetProperty("orderingOpen").GetBoolean());

        var waiting = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = "Tweede", fulfilment = "eat-in", joinWaitingList = true })).ReadAsync<JsonElement>();
        Assert.Equal("waitlisted", waiting.GetProperty("status").GetString());

        var cancelled = await (await _cafe.PostAsync($"/api/cafe/orders/{first.GetProperty("id")}/cancel", null)).ReadAsync<JsonElement>();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.False(cancelled.GetProperty("chargeable").GetBoolean());
        var promoted = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders/{waiting.GetProperty("id")}");
        Assert.Equal("placed", promoted.GetProperty("status").GetString());
        Assert.Equal(1, (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/menus/{date:yyyy-MM-dd}")).GetProperty("portionsLeft").GetInt32());
    }

    [Fact]
    public async Task A_late_cancellation_is_charged_and_appears_on_the_monthly_statement_with_the_low_income_price()
    {
        var past = new DateOnly(2016, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var menu = await stack.PastMenuAsync(past, 10);
        var resident = await stack.ResidentWithProfileAsync(new { lowIncome = true });
        // The order was placed in time, back then; the cancellation comes now, long after the cut-off.
        var orderId = Guid.NewGuid();
        await using (var cafe = await stack.OpenDatabaseAsync("cafedb"))
        {
            await using var insert = new Npgsql.NpgsqlCommand(
                "INSERT INTO meal_orders (id, menu_id, menu_date, resident_id, resident_name, fulfilment, portions, price_cents, payment_method) VALUES ($1, $2, $3, $4, 'Mevrouw Jansen', 'eat-in', 1, 525, 'monthly')", cafe)
            {
                Parameters = { new() { Value = orderId }, new() { Value = menu.GetProperty("id").GetGuid() }, new() { Value = past }, new() { Value = resident } },
            };
            await insert.ExecuteNonQueryAsync();
        }

        var cancelled = await (await _cafe.PostAsync($"/api/cafe/orders/{orderId}/cancel", null)).ReadAsync<JsonElement>();
        Assert.True(cancelled.GetProperty("chargeable").GetBoolean());

        var statement = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/residents/{resident}/statements/{past:yyyy-MM}");
        var line = Assert.Single(statement.GetProperty("lines").EnumerateArray());
        Assert.True(line.GetProperty("lateCancellation").GetBoolean());
        Assert.Equal(525, statement.GetProperty("openCents").GetInt32());
        Assert.Equal("monthly", statement.GetProperty("paymentMethod").GetString());

        var collected = await (await _cafe.PostAsync($"/api/cafe/residents/{resident}/statements/{past:yyyy-MM}/collected", null)).ReadAsync<JsonElement>();
        Assert.Equal(0, collected.GetProperty("openCents").GetInt32());
        Assert.Equal(525, collected.GetProperty("paidCents").GetInt32());

        var bad = await _cafe.GetAsync($"/api/cafe/residents/{resident}/statements/2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task An_order_is_priced_with_the_low_income_discount_and_can_be_paid_at_the_counter_once()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        var resident = await stack.ResidentWithProfileAsync(new { lowIncome = true, paymentMethod = "counter" });
        var order = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, fulfilment = "eat-in", portions = 2 })).ReadAsync<JsonElement>();
        Assert.Equal(1050, order.GetProperty("priceCents").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await _cafe.PostAsync($"/api/cafe/orders/{order.GetProperty("id")}/payment", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _cafe.PostAsync($"/api/cafe/orders/{order.GetProperty("id")}/payment", null)).StatusCode);
        var statement = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/residents/{resident}/statements/{date:yyyy-MM}");
        Assert.Equal(1050, statement.GetProperty("paidCents").GetInt32());
        Assert.Equal(0, statement.GetProperty("openCents").GetInt32());
    }

    [Theory]
    [InlineData("""{"date":"2040-01-01","fulfilment":"teleport","residentName":"X"}""", "fulfilment")]
    [InlineData("""{"date":"2040-01-01","fulfilment":"delivery","residentName":"X","postcode":"12345"}""", "postcode")]
    [InlineData("""{"date":"2040-01-01","fulfilment":"eat-in","residentName":"X","portions":0}""", "portions")]
    public async Task Bad_orders_are_a_400_naming_the_field(string json, string field)
    {
        var response = await _cafe.PostAsync("/api/cafe/orders", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_delivery_without_an_address_is_a_400()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 5);
        var response = await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = "Zonder adres", fulfilment = "delivery" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/cafe/orders")]
    [InlineData("/api/cafe/dishes")]
    [InlineData("/api/cafe/standing-orders")]
    [InlineData("/api/cafe/rounds")]
    public async Task Cafe_lists_are_paged_and_refuse_pages_over_the_maximum(string path)
    {
        var page = await _cafe.GetFromJsonAsync<JsonElement>($"{path}?page=1&pageSize=5");
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("items").GetArrayLength() <= 5);
        Assert.Equal(HttpStatusCode.BadRequest, (await _cafe.GetAsync($"{path}?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_order_status_filter_is_a_400()
    {
        var response = await _cafe.GetAsync("/api/cafe/orders?status=eaten");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
