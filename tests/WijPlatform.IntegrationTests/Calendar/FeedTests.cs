using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WijPlatform.IntegrationTests.Calendar.CalendarKit;

namespace WijPlatform.IntegrationTests.Calendar;

/// <summary>The iCalendar feeds, read by ical.js (an independent parser), and the printable week.</summary>
public sealed class FeedTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();
    private readonly HttpClient _public = stack.Anonymous();

    [Fact]
    public async Task A_category_feed_gives_calendar_clients_the_series_at_two_Amsterdam_time_without_skipped_dates_and_with_moved_ones()
    {
        var category = UniqueCategory();
        var year = 2035 + Random.Shared.Next(0, 5);
        var first = WinterTimeStarts(year).AddDays(-12);
        var series = await CreateAsync(_coordinator, new
        {
            title = "Spelletjesmiddag, koffie & thee; iedereen welkom",
            description = "Sjoelen, rummikub en koffie.\nNieuwe spelers zijn welkom.",
            category,
            room = UniqueRoom(),
            startsAt = At(first, 14),
            endsAt = At(first, 16),
            capacity = 12,
            priceCents = 250,
            reducedPriceCents = 100,
            recurrence = new { frequency = "weekly", until = first.AddDays(28) },
        });
        var id = series.GetProperty("id").GetGuid();
        var occurrences = $"/api/calendar/activities/{id}/occurrences";
        await _coordinator.PostAsJsonAsync($"{occurrences}/{first.AddDays(7):yyyy-MM-dd}/skip", new { reason = "Herfstvakantie" });
        await _coordinator.PostAsJsonAsync($"{occurrences}/{first.AddDays(21):yyyy-MM-dd}/cancel", new { reason = "Zaal lekt" });
        await _coordinator.PutAsJsonAsync($"{occurrences}/{first.AddDays(14):yyyy-MM-dd}", new { startsAt = At(first.AddDays(14), 10), endsAt = At(first.AddDays(14), 11) });
        var oneOff = await CreateAsync(_coordinator, new { title = "Kerstbingo", category, startsAt = At(first.AddDays(3), 19, 30), endsAt = At(first.AddDays(3), 21, 30), capacity = 40 });

        var response = await _public.GetAsync($"/api/calendar/feeds/categories/{category}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("RRULE:FREQ=WEEKLY", ics);
        Assert.Contains("EXDATE;TZID=Europe/Amsterdam", ics);

        var parsed = await ExpandWithIcalJsAsync(ics, Utc(first, 0), Utc(first.AddDays(40), 0));
        Assert.Contains("Europe/Amsterdam", parsed.GetProperty("zones").EnumerateArray().Select(z => z.GetString()));
        var items = parsed.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(
            [Utc(first, 14), Utc(first.AddDays(3), 19, 30), Utc(first.AddDays(14), 10), Utc(first.AddDays(28), 14)],
            items.Select(i => DateTime.Parse(i.GetProperty("start").GetString()!).ToUniversalTime()));
        Assert.Equal(["14:00", "19:30", "10:00", "14:00"], items.Select(i => i.GetProperty("localTime").GetString()));
        Assert.All(items, i => Assert.Equal("Europe/Amsterdam", i.GetProperty("timezone").GetString()));
        Assert.Equal("Spelletjesmiddag, koffie & thee; iedereen welkom", items[0].GetProperty("summary").GetString());
        Assert.Equal(oneOff.GetProperty("id").GetGuid().ToString(), items[1].GetProperty("uid").GetString()!.Split('@')[0]);
        Assert.Equal(Utc(first.AddDays(28), 16), DateTime.Parse(items[3].GetProperty("end").GetString()!).ToUniversalTime());
    }

    [Fact]
    public async Task The_feed_of_all_activities_holds_every_category_and_marks_a_cancelled_activity()
    {
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), category: UniqueCategory()))).GetProperty("id").GetGuid();
        await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/cancel", new { reason = "Griep" });

        var ics = await _public.GetStringAsync("/api/calendar/feeds/all.ics");
        var parsed = await ExpandWithIcalJsAsync(ics, Utc(monday, 0), Utc(monday.AddDays(1), 0));
        var mine = Assert.Single(parsed.GetProperty("occurrences").EnumerateArray(), o => o.GetProperty("uid").GetString()!.StartsWith(id.ToString(), StringComparison.Ordinal));
        Assert.Equal("CANCELLED", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task This_week_lists_each_day_in_Dutch_with_times_prices_and_what_does_not_go_ahead()
    {
        var category = UniqueCategory();
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, new
        {
            title = "Stoelyoga", category, room = UniqueRoom(), startsAt = At(monday.AddDays(2), 10), endsAt = At(monday.AddDays(2), 11), capacity = 10,
            priceCents = 250, reducedPriceCents = 100, accessibilityNotes = "Op de stoel, geen trap.",
            recurrence = new { frequency = "weekly", weekdays = new[] { "wednesday", "friday" }, until = monday.AddDays(30) },
        })).GetProperty("id").GetGuid();
        await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/occurrences/{monday.AddDays(4):yyyy-MM-dd}/cancel", new { reason = "Docent ziek" });

        var week = await _public.GetFromJsonAsync<JsonElement>($"/api/calendar/this-week?date={monday.AddDays(5):yyyy-MM-dd}&category={category}");
        Assert.Equal(monday, DateOnly.Parse(week.GetProperty("from").GetString()!));
        var days = week.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(7, days.Count);
        Assert.StartsWith("Woensdag", days[2].GetProperty("heading").GetString());
        var wednesday = Assert.Single(days[2].GetProperty("items").EnumerateArray());
        Assert.Equal("10:00 tot 11:00 uur", wednesday.GetProperty("time").GetString());
        Assert.Equal("€ 2,50 (met stadspas € 1,00)", wednesday.GetProperty("price").GetString());
        var friday = Assert.Single(days[4].GetProperty("items").EnumerateArray());
        Assert.False(friday.GetProperty("takesPlace").GetBoolean());
        Assert.Equal("Gaat niet door. Docent ziek", friday.GetProperty("note").GetString());
        Assert.Empty(days[0].GetProperty("items").EnumerateArray());
    }
}
