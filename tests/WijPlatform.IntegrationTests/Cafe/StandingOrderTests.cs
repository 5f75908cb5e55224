using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.IntegrationTests.Cafe;

public sealed class StandingOrderTests(StackFixture stack)
{
    private readonly HttpClient _cafe = stack.Cafe();

    private static string DayName(DateOnly date) => date.DayOfWeek.ToString().ToLowerInvariant();

    private async Task<JsonElement[]> OrdersAsync(Guid resident, DateOnly date) =>
        (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders?residentId={resident}&date={date:yyyy-MM-dd}")).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task A_standing_order_places_meals_as_menus_appear_skips_a_pause_and_restarts_by_itself()
    {
        var resident = await stack.ResidentWithProfileAsync();
        var alreadyPublished = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(alreadyPublished, 10);
        var weekdays = new[] { DayName(alreadyPublished), DayName(alreadyPublished.AddDays(3)) };

        var created = await _cafe.PostAsJsonAsync("/api/cafe/standing-orders", new { residentId = resident, weekdays, fulfilment = "delivery", startsOn = alreadyPublished, endsOn = alreadyPublished.AddDays(10), specialRequest = "Graag zonder ui" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var standingOrder = await created.ReadAsync<JsonElement>();
        var standingId = standingOrder.GetProperty("id").GetGuid();
        Assert.Equal(weekdays.Order(), standingOrder.GetProperty("days").EnumerateArray().Select(d => d.GetString()!).Order());

        // A menu already out gets the meal at once; one published later gets it on publication.
        var caughtUp = Assert.Single(await OrdersAsync(resident, alreadyPublished));
        Assert.Equal("Kastanjelaan", caughtUp.GetProperty("street").GetString());
        Assert.Equal("3705 AB", caughtUp.GetProperty("postcode").GetString());
        var later = alreadyPublished.AddDays(3);
        await stack.PublishMenuAsync(later, 10);
        Assert.Equal("placed", Assert.Single(await OrdersAsync(resident, later)).GetProperty("status").GetString());
        Assert.Empty(await OrdersAsync(resident, alreadyPublished.AddDays(1)));

        // Paused for a week from the later day: its meal is cancelled free of charge; a week on it restarts.
        var pause = await (await _cafe.PostAsJsonAsync($"/api/cafe/standing-orders/{standingId}/pause", new { from = later, until = later.AddDays(7) })).ReadAsync<JsonElement>();
        Assert.Equal([later.ToString("yyyy-MM-dd")], pause.GetProperty("cancelledDays").EnumerateArray().Select(d => d.GetString()));
        var laterOrder = Assert.Single(await OrdersAsync(resident, later));
        Assert.Equal("cancelled", laterOrder.GetProperty("status").GetString());
        Assert.False(laterOrder.GetProperty("chargeable").GetBoolean());

        await stack.PublishMenuAsync(later.AddDays(4), 10);
        Assert.Empty(await OrdersAsync(resident, later.AddDays(4)));
        await stack.PublishMenuAsync(later.AddDays(7), 10);
        Assert.Single(await OrdersAsync(resident, later.AddDays(7)));
    }

    [Fact]
    public async Task A_standing_order_needs_a_profile_and_known_weekdays()
    {
        var noProfile = await _cafe.PostAsJsonAsync("/api/cafe/standing-orders", new { residentId = Guid.NewGuid(), weekdays = new[] { "monday" }, fulfilment = "eat-in" });
        Assert.Equal(HttpStatusCode.NotFound, noProfile.StatusCode);
        var resident = await stack.ResidentWithProfileAsync();
        var badDay = await _cafe.PostAsJsonAsync("/api/cafe/standing-orders", new { residentId = resident, weekdays = new[] { "maandag" }, fulfilment = "eat-in" });
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.True((await badDay.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("weekdays", out _));
    }
}
