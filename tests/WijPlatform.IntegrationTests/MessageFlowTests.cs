using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace WijPlatform.IntegrationTests;

/// <summary>What one service does reaches another over RabbitMQ, once.</summary>
public sealed class MessageFlowTests(StackFixture stack)
{
    private readonly HttpClient _public = stack.Anonymous();

    [Fact]
    public async Task A_help_request_that_needs_a_volunteer_appears_as_an_open_request_in_matching()
    {
        using var desk = stack.Desk();
        var response = await desk.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "desk",
            domains = new[] { "eenzaamheid" },
            description = "Mevrouw zoekt iemand om mee te wandelen.",
            postcode = "3701 AB",
            volunteerTalent = "walk",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var coordinator = stack.Coordinator();
        var request = await StackFixture.EventuallyGetAsync(coordinator, $"/api/matching/requests/{id}");
        Assert.Equal("walk", request.GetProperty("talent").GetString());
        // Open, or already proposed to a volunteer when another test registered a walker nearby.
        Assert.Contains(request.GetProperty("status").GetString(), new[] { "open", "proposed" });
        Assert.Equal("3701 AB", request.GetProperty("postcode").GetString());
    }

    [Fact]
    public async Task A_published_menu_appears_as_that_days_meal_in_the_calendar_and_a_republished_message_has_no_second_effect()
    {
        var date = new DateOnly(2030, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        using var kitchen = stack.Cafe();
        var response = await kitchen.PostAsJsonAsync("/api/cafe/menus", new
        {
            date,
            dish = "Hutspot met klapstuk",
            description = "Vers gekookt door de keuken van Café Noord",
            priceCents = 750,
            allergens = new[] { "celery" },
            portions = 30,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var menuId = (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        var activity = await StackFixture.EventuallyGetAsync(_public, $"/api/calendar/activities/{menuId}");
        Assert.Equal("meal", activity.GetProperty("category").GetString());
        Assert.Equal(30, activity.GetProperty("capacity").GetInt32());
        // Served from 12:00 Amsterdam time, whether that day is in summer or winter time.
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var noon = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(12, 0)), amsterdam);
        Assert.Equal(noon, activity.GetProperty("startsAt").GetDateTime().ToUniversalTime());

        // The relay crashed after the broker confirmed but before it marked the row sent: it publishes the same message again.
        var before = await DuplicatesSuppressedAsync("calendar");
        await using (var cafe = new NpgsqlConnection(stack.ConnectionString("cafedb")))
        {
            await cafe.OpenAsync();
            await using var reset = new NpgsqlCommand("UPDATE outbox_messages SET sent_at = NULL WHERE body->>'menuId' = $1", cafe)
            {
                Parameters = { new() { Value = menuId.ToString() } },
            };
            Assert.Equal(1, await reset.ExecuteNonQueryAsync());
        }
        await StackFixture.EventuallyAsync(async () => await DuplicatesSuppressedAsync("calendar") > before);

        var meals = await _public.GetFromJsonAsync<JsonElement>($"/api/calendar/activities?category=meal&from={date:yyyy-MM-dd}T00:00:00Z&to={date.AddDays(1):yyyy-MM-dd}T00:00:00Z");
        Assert.Equal(1, meals.GetProperty("totalCount").GetInt32());
    }

    private async Task<long> DuplicatesSuppressedAsync(string service)
    {
        using var operations = stack.Operator();
        var status = await operations.GetFromJsonAsync<JsonElement>($"/api/{service}/admin/messaging/outbox");
        return status.GetProperty("duplicatesSuppressed").GetInt64();
    }
}
