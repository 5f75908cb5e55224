using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>
/// Café Noord's warm meal in the neighbourhood calendar says what the café says: its price (not
/// "gratis" while the café charges), as many places as the kitchen has portions, also after the
/// kitchen changes them; no menu for a day that has passed; and each activity its own iCal feed.
/// </summary>
public sealed class CafeAndCalendarAgreeTests(StackFixture stack)
{
    [Fact]
    public async Task The_meal_in_the_calendar_shows_the_cafes_price_and_follows_the_kitchens_portions()
    {
        var date = new DateOnly(2033, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        using var cafe = stack.Cafe();
        using var anyone = stack.Anonymous();
        var menu = await Ok(cafe.PostAsJsonAsync("/api/cafe/menus", new { date, dish = "Stamppot boerenkool", description = "met rookworst", priceCents = 650, allergens = new[] { "celery" }, portions = 24 }));
        var menuId = menu.GetProperty("id").GetGuid();

        var meal = await EventuallyReadAsync(anyone, $"/api/calendar/activities/{menuId}", a => a.GetProperty("capacity").GetInt32() == 24);
        Assert.Equal(650, meal.GetProperty("priceCents").GetInt32());
        Assert.Contains("Stamppot boerenkool", meal.GetProperty("title").GetString());

        await Ok(cafe.PutAsJsonAsync($"/api/cafe/menus/{date:yyyy-MM-dd}/portions", new { portions = 40 }));
        await EventuallyReadAsync(anyone, $"/api/calendar/activities/{menuId}", a => a.GetProperty("capacity").GetInt32() == 40);

        // Unfolded and unescaped as a calendar client reads it (RFC 5545 3.1 and 3.3.11).
        var feed = (await anyone.GetStringAsync($"/api/calendar/feeds/activities/{menuId}.ics"))
            .Replace("\r\n ", "", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal).Replace('\u00a0', ' ');
        Assert.Contains("Prijs: € 6,50", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("gratis", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_menu_for_a_day_that_has_passed_is_refused_with_the_field_named()
    {
        using var cafe = stack.Cafe();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        using var response = await cafe.PostAsJsonAsync("/api/cafe/menus", new { date = yesterday, dish = "Erwtensoep", priceCents = 600, portions = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date", out _));
    }

    [Fact]
    public async Task Each_activity_has_its_own_feed_with_only_that_activity()
    {
        using var coordinator = stack.Coordinator();
        using var anyone = stack.Anonymous();
        var monday = Calendar.CalendarKit.RandomMonday();
        var games = (await Calendar.CalendarKit.CreateAsync(coordinator, Calendar.CalendarKit.Games(Calendar.CalendarKit.UniqueRoom(), Calendar.CalendarKit.At(monday, 14)))).GetProperty("id").GetGuid();
        var other = (await Calendar.CalendarKit.CreateAsync(coordinator, Calendar.CalendarKit.Games(Calendar.CalendarKit.UniqueRoom(), Calendar.CalendarKit.At(monday, 10)))).GetProperty("id").GetGuid();

        using var feed = await anyone.GetAsync($"/api/calendar/feeds/activities/{games}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var text = await feed.Content.ReadAsStringAsync();
        Assert.Contains($"UID:{games}@wijplatform", text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.ToString(), text, StringComparison.Ordinal);
        Assert.Single(text.Split("BEGIN:VEVENT"), part => part.Contains("UID:", StringComparison.Ordinal));

        using var missing = await anyone.GetAsync($"/api/calendar/feeds/activities/{Guid.NewGuid()}.ics");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> EventuallyReadAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        JsonElement last = default;
        await StackFixture.EventuallyAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            last = await response.ReadAsync<JsonElement>();
            return done(last);
        });
        return last;
    }
}
