using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WijPlatform.Contracts;

namespace WijPlatform.IntegrationTests.Cafe;

public sealed class DeliveryAndErasureTests(StackFixture stack)
{
    private readonly HttpClient _cafe = stack.Cafe();

    private async Task<long> OutboxCountAsync(string type, string field, Guid value, bool sent)
    {
        await using var cafe = await stack.OpenDatabaseAsync("cafedb");
        await using var count = new NpgsqlCommand(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE $1 AND body->>'{field}' = $2 AND (sent_at IS NOT NULL OR NOT $3)", cafe)
        {
            Parameters = { new() { Value = $"WijPlatform.Contracts.{type},%" }, new() { Value = value.ToString() }, new() { Value = sent } },
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Deliveries_are_grouped_into_rounds_a_deliverer_is_requested_and_assigned_over_the_broker_and_a_no_answer_ends_in_a_signal()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 20);
        var addresses = new[] { ("Kastanjelaan", "4"), ("Kastanjelaan", "1"), ("Beukenlaan", "2") };
        foreach (var (street, number) in addresses)
        {
            var placed = await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = $"Bewoner {street} {number}", fulfilment = "delivery", street, houseNumber = number, postcode = "3705 AB" });
            Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        }
        var resident = await stack.ResidentWithProfileAsync(new { street = "Kastanjelaan", houseNumber = "7" });
        await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, fulfilment = "delivery" });

        var planned = await _cafe.PostAsJsonAsync("/api/cafe/rounds", new { date });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var round = Assert.Single((await planned.ReadAsync<JsonElement>()).EnumerateArray());
        var roundId = round.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await _cafe.PostAsJsonAsync("/api/cafe/rounds", new { date })).StatusCode);

        var detail = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{roundId}");
        var stops = detail.GetProperty("stops").EnumerateArray().ToArray();
        Assert.Equal(["Beukenlaan 2", "Kastanjelaan 1", "Kastanjelaan 7", "Kastanjelaan 4"], stops.Select(s => $"{s.GetProperty("street").GetString()} {s.GetProperty("houseNumber").GetString()}"));

        // The request for a deliverer left over the broker; matching's answer comes back over it.
        await StackFixture.EventuallyAsync(async () => await OutboxCountAsync(nameof(DelivererRequested), "roundId", roundId, sent: true) == 1);
        await stack.PublishThroughOutboxAsync("matchingdb", new DelivererAssigned(roundId, Guid.NewGuid(), "Anouk"));
        await StackFixture.EventuallyAsync(async () =>
            (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{roundId}")).GetProperty("round").GetProperty("status").GetString() == "assigned");

        var print = await _cafe.GetAsync($"/api/cafe/rounds/{roundId}/print");
        Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
        var html = await print.Content.ReadAsStringAsync();
        Assert.Contains("Anouk", html, StringComparison.Ordinal);
        Assert.Contains("Kastanjelaan 7", html, StringComparison.Ordinal);

        var first = stops[0].GetProperty("id").GetGuid();
        var herStop = stops[2].GetProperty("id").GetGuid();
        async Task<HttpResponseMessage> TickAsync(Guid stop, string stopEvent) =>
            await _cafe.PostAsJsonAsync($"/api/cafe/rounds/{roundId}/stops/{stop}/events", new { @event = stopEvent });
        Assert.Equal("delivered", (await (await TickAsync(first, "delivered")).ReadAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await TickAsync(herStop, "contact-not-reached")).StatusCode);
        var calling = await (await TickAsync(herStop, "no-answer")).ReadAsync<JsonElement>();
        Assert.Equal("call-resident", calling.GetProperty("status").GetString());
        Assert.Equal("030-1234567", calling.GetProperty("phone").GetString());
        await TickAsync(herStop, "resident-not-reached");
        var signalled = await (await TickAsync(herStop, "contact-not-reached")).ReadAsync<JsonElement>();
        Assert.Equal("signalled", signalled.GetProperty("status").GetString());
        Assert.Equal(1, await OutboxCountAsync(nameof(DeliveryNoAnswerSignalled), "residentId", resident, sent: false));
    }

    [Fact]
    public async Task An_erasure_request_anonymises_the_residents_orders_keeps_the_counts_and_is_confirmed()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        var resident = await stack.ResidentWithProfileAsync();
        var order = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, fulfilment = "delivery", specialRequest = "Aanbellen bij de buren" })).ReadAsync<JsonElement>();
        var standing = await _cafe.PostAsJsonAsync("/api/cafe/standing-orders", new
        {
            residentId = resident, weekdays = new[] { date.AddDays(1).DayOfWeek.ToString().ToLowerInvariant() }, fulfilment = "eat-in", startsOn = date.AddDays(1), endsOn = date.AddDays(1),
        });
        Assert.Equal(HttpStatusCode.Created, standing.StatusCode);

        var erasureId = Guid.NewGuid();
        await stack.PublishThroughOutboxAsync("intakedb", new ResidentErasureRequested(erasureId, resident));
        await StackFixture.EventuallyAsync(async () => (await _cafe.GetAsync($"/api/cafe/residents/{resident}/profile")).StatusCode == HttpStatusCode.NotFound);

        Assert.Empty((await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders?residentId={resident}")).GetProperty("items").EnumerateArray());
        Assert.Empty((await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/standing-orders?residentId={resident}")).GetProperty("items").EnumerateArray());
        // The meal is still counted for the kitchen, but nothing in it points to her any more.
        var anonymised = await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders/{order.GetProperty("id")}");
        Assert.Equal("placed", anonymised.GetProperty("status").GetString());
        Assert.Equal(1, anonymised.GetProperty("portions").GetInt32());
        Assert.Equal("Geanonimiseerd", anonymised.GetProperty("residentName").GetString());
        Assert.Equal(JsonValueKind.Null, anonymised.GetProperty("residentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymised.GetProperty("street").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymised.GetProperty("specialRequest").ValueKind);
        Assert.Equal(1, await OutboxCountAsync(nameof(ResidentErased), "erasureId", erasureId, sent: false));
    }
}
