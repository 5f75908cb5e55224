using WijPlatform.IntegrationTests.Cafe;
using WijPlatform.IntegrationTests.Notices;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Every write honours an Idempotency-Key: its handler writes through a unit of work, which commits the
/// key with the effect, and its OpenAPI operation documents the header. The writes that used to bypass
/// the unit of work (and so ignored the key: a retry was carried out again) are tested as their callers.
/// </summary>
public sealed class IdempotentWriteTests(StackFixture stack)
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_write_endpoint_of_every_service_stores_its_key_in_a_unit_of_work()
    {
        var writes = (await EndpointDeclarationTests.AllAsync(stack)).Where(e => Writes.Contains(e.Endpoint.Method)).ToList();
        Assert.True(writes.Count > 80, $"only {writes.Count} write endpoints reported");
        // Keys are the caller's own: an anonymous write would have no one to keep its key for.
        Assert.Empty(writes.Where(e => !e.Endpoint.WritesInUnitOfWork || e.Endpoint.Anonymous)
            .Select(e => $"{e.Service}: {e.Endpoint.Method} {e.Endpoint.Route}{(e.Endpoint.Anonymous ? " (anonymous)" : "")}"));
    }

    [Fact]
    public async Task Every_write_in_the_OpenAPI_documents_documents_the_Idempotency_Key_header()
    {
        using var anyone = stack.Anonymous();
        var undocumented = new List<string>();
        var count = 0;
        foreach (var service in Operations.Services)
        {
            var document = await anyone.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => Writes.Contains(o.Name.ToUpperInvariant())))
                {
                    count++;
                    var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                    if (!parameters.Any(q => q.GetProperty("name").GetString() == "Idempotency-Key" && q.GetProperty("in").GetString() == "header"))
                    {
                        undocumented.Add($"{service}: {operation.Name.ToUpperInvariant()} {path.Name}");
                    }
                }
            }
        }
        Assert.True(count > 60, $"only {count} write operations documented");
        Assert.Empty(undocumented);
    }

    [Fact]
    public async Task The_cafe_retrying_a_payment_at_the_counter_with_its_key_gets_the_first_answer_not_already_paid()
    {
        using var cafe = stack.Cafe();
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        var resident = await stack.ResidentWithProfileAsync(new { paymentMethod = "counter" });
        var order = await (await cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, fulfilment = "eat-in" })).ReadAsync<JsonElement>();
        var key = Guid.NewGuid().ToString();

        using var first = await cafe.SendAsync(Keyed(HttpMethod.Post, $"/api/cafe/orders/{order.GetProperty("id")}/payment", null, key));
        using var retry = await cafe.SendAsync(Keyed(HttpMethod.Post, $"/api/cafe/orders/{order.GetProperty("id")}/payment", null, key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True(Replayed(retry));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        // Without the key a second payment is what it is: nothing left to pay.
        Assert.Equal(HttpStatusCode.Conflict, (await cafe.PostAsync($"/api/cafe/orders/{order.GetProperty("id")}/payment", null)).StatusCode);
    }

    [Fact]
    public async Task The_cafe_retrying_a_new_dish_adds_it_once_and_the_same_key_for_another_dish_is_refused()
    {
        using var cafe = stack.Cafe();
        var name = $"Stamppot boerenkool {Guid.NewGuid():N}"[..30];
        var dish = new { name, priceCents = 650, allergens = new[] { "celery" }, dietTags = Array.Empty<string>() };
        var key = Guid.NewGuid().ToString();

        using var first = await cafe.SendAsync(Keyed(HttpMethod.Post, "/api/cafe/dishes", dish, key));
        using var retry = await cafe.SendAsync(Keyed(HttpMethod.Post, "/api/cafe/dishes", dish, key));
        using var other = await cafe.SendAsync(Keyed(HttpMethod.Post, "/api/cafe/dishes", dish with { priceCents = 700 }, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(Replayed(retry));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        await IntakeApi.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        var dishes = await AllPages.ItemsAsync(cafe, "/api/cafe/dishes");
        Assert.Single(dishes, d => d.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task The_cafe_retrying_a_new_diet_profile_gets_created_again_not_updated()
    {
        using var cafe = stack.Cafe();
        var resident = Guid.NewGuid();
        var profile = new { displayName = "Meneer Wübbels", allergies = new[] { "peanuts" }, street = "Kastanjelaan", houseNumber = "5", postcode = "3705ab", paymentMethod = "counter" };
        var key = Guid.NewGuid().ToString();

        using var first = await cafe.SendAsync(Keyed(HttpMethod.Put, $"/api/cafe/residents/{resident}/profile", profile, key));
        using var retry = await cafe.SendAsync(Keyed(HttpMethod.Put, $"/api/cafe/residents/{resident}/profile", profile, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(Replayed(retry));
        var stored = await cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/residents/{resident}/profile");
        // Saved once: the stored profile is the first request's (PostgreSQL keeps microseconds).
        Assert.Equal((await first.ReadAsync<JsonElement>()).GetProperty("updatedAt").GetDateTime().Ticks / 10, stored.GetProperty("updatedAt").GetDateTime().Ticks / 10);
    }

    [Fact]
    public async Task A_professional_retrying_the_teams_setting_gets_the_first_answer_and_it_is_set_once()
    {
        var team = $"Wijk {Guid.NewGuid():N}"[..16];
        using var professional = stack.Professional(team);
        var key = Guid.NewGuid().ToString();
        var path = $"/api/intake/teams/{Uri.EscapeDataString(team)}/settings";

        using var first = await professional.SendAsync(Keyed(HttpMethod.Put, path, new { automaticVisitRequests = true }, key));
        using var retry = await professional.SendAsync(Keyed(HttpMethod.Put, path, new { automaticVisitRequests = true }, key));
        using var other = await professional.SendAsync(Keyed(HttpMethod.Put, path, new { automaticVisitRequests = false }, key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(Replayed(retry));
        var setAt = (await first.ReadAsync<JsonElement>()).GetProperty("setAt").GetDateTime();
        Assert.Equal(setAt, (await retry.ReadAsync<JsonElement>()).GetProperty("setAt").GetDateTime());
        // As stored: PostgreSQL keeps microseconds.
        await IntakeApi.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        var settings = await professional.GetFromJsonAsync<JsonElement>(path);
        Assert.True(settings.GetProperty("automaticVisitRequests").GetBoolean());
        Assert.Equal(setAt.Ticks / 10, settings.GetProperty("setAt").GetDateTime().Ticks / 10);
    }

    [Fact]
    public async Task A_partner_retrying_its_webhook_registration_registers_one_callback_and_gets_its_secret_again()
    {
        var organisation = $"Het Sopje {Guid.NewGuid():N}"[..20];
        var (partner, _, _) = await stack.PartnerAsync(organisation);
        await using var receiver = await WebhookReceiver.StartAsync(failures: 0);
        var key = Guid.NewGuid().ToString();
        var body = new { url = receiver.Url };

        using var first = await partner.SendAsync(Keyed(HttpMethod.Post, "/api/notices/webhooks", body, key));
        using var retry = await partner.SendAsync(Keyed(HttpMethod.Post, "/api/notices/webhooks", body, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(Replayed(retry));
        var registered = await first.ReadAsync<JsonElement>();
        var again = await retry.ReadAsync<JsonElement>();
        var secret = registered.GetProperty("secret").GetString()!;
        Assert.Equal(secret, again.GetProperty("secret").GetString());
        Assert.Equal(registered.GetProperty("webhook").GetProperty("id").GetGuid(), again.GetProperty("webhook").GetProperty("id").GetGuid());

        // One callback, still pending (a second registration would have replaced the first).
        var webhooks = await AllPages.ItemsAsync(stack.Gateway, "/api/notices/webhooks");
        var ours = Assert.Single(webhooks, w => w.GetProperty("partner").GetString() == organisation);
        Assert.Equal("pending", ours.GetProperty("status").GetString());

        // The stored answer is sealed: a dump of noticesdb does not give the secret away.
        await using var db = await stack.OpenDatabaseAsync("noticesdb");
        await using var read = new NpgsqlCommand("SELECT answer FROM idempotency_keys WHERE key = $1", db) { Parameters = { new() { Value = key } } };
        var stored = System.Text.Encoding.UTF8.GetString((byte[])(await read.ExecuteScalarAsync())!);
        Assert.StartsWith("wij:enc:v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, object? body, string key) =>
        new(method, path) { Content = body is null ? null : JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } };

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotency-Replayed", out var values) && values.Single() == "true";
}
