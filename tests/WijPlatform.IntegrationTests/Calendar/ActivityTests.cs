using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WijPlatform.IntegrationTests.Calendar.CalendarKit;

namespace WijPlatform.IntegrationTests.Calendar;

/// <summary>Activities, their series and their rooms, through the gateway against PostgreSQL.</summary>
public sealed class ActivityTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();
    private readonly HttpClient _public = stack.Anonymous();

    [Fact]
    public async Task An_activity_keeps_every_field_the_desk_entered()
    {
        var monday = RandomMonday();
        var created = await CreateAsync(_coordinator, new
        {
            title = "Computerles voor beginners",
            description = "Leer e-mailen en videobellen met uw kleinkinderen.",
            category = "Computer",
            room = UniqueRoom(),
            organiserKind = "partner",
            organiserName = "Humanitas",
            startsAt = At(monday.AddDays(1), 10),
            endsAt = At(monday.AddDays(1), 12),
            capacity = 8,
            priceCents = 250,
            reducedPriceCents = 100,
            accessibilityNotes = "Rolstoeltoegankelijk, ringleiding aanwezig.",
            targetGroup = "partner-clients",
            targetPartner = "Humanitas",
            recurrence = new { frequency = "fortnightly", weekdays = new[] { "tuesday", "Thursday" }, until = monday.AddDays(60) },
        });

        var read = await _public.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{created.GetProperty("id").GetGuid()}");
        Assert.Equal("computer", read.GetProperty("category").GetString());
        Assert.Equal("partner", read.GetProperty("organiserKind").GetString());
        Assert.Equal("Humanitas", read.GetProperty("organiserName").GetString());
        Assert.Equal(250, read.GetProperty("priceCents").GetInt32());
        Assert.Equal(100, read.GetProperty("reducedPriceCents").GetInt32());
        Assert.Equal("Rolstoeltoegankelijk, ringleiding aanwezig.", read.GetProperty("accessibilityNotes").GetString());
        Assert.Equal("partner-clients", read.GetProperty("targetGroup").GetString());
        Assert.Equal(Utc(monday.AddDays(1), 10), read.GetProperty("startsAt").GetDateTime().ToUniversalTime());
        var recurrence = read.GetProperty("recurrence");
        Assert.Equal("fortnightly", recurrence.GetProperty("frequency").GetString());
        Assert.Equal(["tuesday", "thursday"], recurrence.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(monday.AddDays(60), DateOnly.Parse(recurrence.GetProperty("until").GetString()!));
    }

    [Theory]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T13:00:00+01:00","capacity":5}""", "endsAt")]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T15:00:00+01:00","capacity":5,"priceCents":100,"reducedPriceCents":200}""", "reducedPriceCents")]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T15:00:00+01:00","capacity":5,"targetGroup":"members"}""", "targetGroup")]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T15:00:00+01:00","capacity":5,"recurrence":{"frequency":"weekly","weekdays":["monday"],"until":"2035-06-01"}}""", "recurrence.weekdays")]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T15:00:00+01:00","capacity":5,"recurrence":{"frequency":"weekly","weekdays":["dinsdag"],"until":"2035-06-01"}}""", "recurrence.weekdays")]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T15:00:00+01:00","capacity":5,"recurrence":{"frequency":"weekly","until":"2037-06-01"}}""", "recurrence.until")]
    [InlineData("""{"title":"Koffie","category":"meeting","startsAt":"2035-03-06T14:00:00+01:00","endsAt":"2035-03-06T15:00:00+01:00","capacity":-1}""", "capacity")]
    public async Task Bad_activities_are_a_400_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _coordinator.PostAsync("/api/calendar/activities", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
    }

    [Fact]
    public async Task A_room_taken_by_a_later_occurrence_of_a_series_is_a_409_naming_that_activity()
    {
        var room = UniqueRoom();
        var monday = RandomMonday();
        var series = await CreateAsync(_coordinator, Games(room, At(monday.AddDays(1), 14), recurrence: new { frequency = "weekly", until = monday.AddDays(60) }));

        // The third Tuesday, 15:00-17:00: not the series' first date, but one of its occurrences.
        var clash = await _coordinator.PostAsJsonAsync("/api/calendar/activities", Games(room.ToUpperInvariant(), At(monday.AddDays(15), 15)));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var problem = await clash.ReadAsync<JsonElement>();
        Assert.Equal(series.GetProperty("id").GetGuid(), problem.GetProperty("conflictingActivityId").GetGuid());
        Assert.Equal(monday.AddDays(15), DateOnly.Parse(problem.GetProperty("conflictingOccurrenceDate").GetString()!));
        Assert.Contains("Spelletjesmiddag", problem.GetProperty("detail").GetString());

        // Right after it ends, or in another room, is fine; so is the same time once that occurrence is skipped.
        await CreateAsync(_coordinator, Games(room, At(monday.AddDays(15), 16)));
        await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday.AddDays(15), 15)));
        var skip = await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{series.GetProperty("id").GetGuid()}/occurrences/{monday.AddDays(22):yyyy-MM-dd}/skip", new { reason = "Zaal in gebruik" });
        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        await CreateAsync(_coordinator, Games(room, At(monday.AddDays(22), 14)));
    }

    [Fact]
    public async Task Moving_one_occurrence_into_a_taken_room_is_a_409()
    {
        var monday = RandomMonday();
        var (room, other) = (UniqueRoom(), UniqueRoom());
        var blocker = await CreateAsync(_coordinator, Games(other, At(monday.AddDays(9), 14)));
        var series = await CreateAsync(_coordinator, Games(room, At(monday.AddDays(2), 14), recurrence: new { frequency = "weekly", until = monday.AddDays(30) }));
        var id = series.GetProperty("id").GetGuid();

        var moved = await _coordinator.PutAsJsonAsync($"/api/calendar/activities/{id}/occurrences/{monday.AddDays(9):yyyy-MM-dd}",
            new { startsAt = At(monday.AddDays(9), 13), endsAt = At(monday.AddDays(9), 15), room = other });
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(blocker.GetProperty("id").GetGuid(), (await moved.ReadAsync<JsonElement>()).GetProperty("conflictingActivityId").GetGuid());
    }

    [Fact]
    public async Task A_series_lists_its_occurrences_at_the_same_Amsterdam_time_across_the_change_to_winter_time_with_its_exceptions()
    {
        var year = 2035 + Random.Shared.Next(0, 5);
        var change = WinterTimeStarts(year);
        var first = change.AddDays(-12); // a Tuesday or other weekday two weeks before
        var room = UniqueRoom();
        var series = await CreateAsync(_coordinator, Games(room, At(first, 14), recurrence: new { frequency = "weekly", until = first.AddDays(35) }));
        var id = series.GetProperty("id").GetGuid();
        var path = $"/api/calendar/activities/{id}/occurrences";

        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"{path}/{first.AddDays(7):yyyy-MM-dd}/skip", new { reason = "Herfstvakantie" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"{path}/{first.AddDays(14):yyyy-MM-dd}/cancel", new { reason = "Zaal lekt" })).StatusCode);
        var moved = await _coordinator.PutAsJsonAsync($"{path}/{first.AddDays(21):yyyy-MM-dd}", new { startsAt = At(first.AddDays(22), 10), endsAt = At(first.AddDays(22), 12) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var from = At(first, 0).ToString("O");
        var to = At(first.AddDays(40), 0).ToString("O");
        var page = await _coordinator.GetFromJsonAsync<JsonElement>($"{path}?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, page.GetProperty("totalCount").GetInt32()); // six planned, one skipped
        Assert.Equal([first, first.AddDays(14), first.AddDays(21), first.AddDays(28), first.AddDays(35)], items.Select(i => DateOnly.Parse(i.GetProperty("date").GetString()!)));
        Assert.Equal(["scheduled", "cancelled", "changed", "scheduled", "scheduled"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(
            [Utc(first, 14), Utc(first.AddDays(14), 14), Utc(first.AddDays(22), 10), Utc(first.AddDays(28), 14), Utc(first.AddDays(35), 14)],
            items.Select(i => i.GetProperty("startsAt").GetDateTime().ToUniversalTime()));
        // Before the change 14:00 is 12:00 UTC, after it 13:00 UTC.
        Assert.Equal(12, items[0].GetProperty("startsAt").GetDateTime().ToUniversalTime().Hour);
        Assert.Equal(13, items[3].GetProperty("startsAt").GetDateTime().ToUniversalTime().Hour);

        var second = await _coordinator.GetFromJsonAsync<JsonElement>($"{path}?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&page=2&pageSize=2");
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        Assert.Equal(first.AddDays(21), DateOnly.Parse(second.GetProperty("items")[0].GetProperty("date").GetString()!));

        var all = await _public.GetFromJsonAsync<JsonElement>($"/api/calendar/occurrences?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&category=games&pageSize=100");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("activityId").GetGuid() == id && i.GetProperty("room").GetString() == room);
    }

    [Fact]
    public async Task A_summer_pause_skips_every_occurrence_in_it_and_nothing_else()
    {
        var monday = RandomMonday();
        var series = await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), recurrence: new { frequency = "weekly", weekdays = new[] { "monday", "thursday" }, until = monday.AddDays(27) }));
        var id = series.GetProperty("id").GetGuid();

        var paused = await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/pauses", new { from = monday.AddDays(7), until = monday.AddDays(13), reason = "Zomerstop" });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(2, (await paused.ReadAsync<JsonElement>()).GetProperty("totalCount").GetInt32());

        var page = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{id}/occurrences?from={Uri.EscapeDataString(At(monday, 0).ToString("O"))}&to={Uri.EscapeDataString(At(monday.AddDays(28), 0).ToString("O"))}");
        Assert.Equal([monday, monday.AddDays(3), monday.AddDays(14), monday.AddDays(17), monday.AddDays(21), monday.AddDays(24)],
            page.GetProperty("items").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("date").GetString()!)));
    }

    [Theory]
    [InlineData("/api/calendar/occurrences")]
    [InlineData("/api/calendar/proposals")]
    public async Task Lists_are_paged_and_refuse_pages_over_the_maximum(string path)
    {
        var page = await _coordinator.GetFromJsonAsync<JsonElement>($"{path}?page=1&pageSize=5");
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        var tooBig = await _coordinator.GetAsync($"{path}?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }

    [Fact]
    public async Task An_occurrence_period_that_ends_before_it_starts_is_a_400()
    {
        var response = await _coordinator.GetAsync("/api/calendar/occurrences?from=2035-01-02T00:00:00Z&to=2035-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _));
    }
}
