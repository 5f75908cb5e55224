using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WijPlatform.IntegrationTests.Calendar.CalendarKit;

namespace WijPlatform.IntegrationTests.Calendar;

/// <summary>Sign-ups, the waiting list and attendance, through the gateway against PostgreSQL.</summary>
public sealed class SignupTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();
    private readonly HttpClient _desk = stack.Desk();

    private async Task<JsonElement> SignUpAsync(Guid activityId, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await _desk.PostAsJsonAsync($"/api/calendar/activities/{activityId}/signups", body);
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }

    private Task<JsonElement> GetSignupAsync(Guid activityId, JsonElement signup) =>
        _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{activityId}/signups/{signup.GetProperty("id").GetGuid()}");

    [Fact]
    public async Task A_cancellation_moves_the_first_in_line_up_and_the_organiser_can_let_someone_in_beyond_the_capacity()
    {
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(RandomMonday(), 14), capacity: 3))).GetProperty("id").GetGuid();

        // The desk signs up a resident without an account or e-mail, with a companion, a wheelchair and a ride.
        var anna = await SignUpAsync(id, new { displayName = "Anna B.", phone = "06-12345678", companions = 1, accessNeeds = "Rolstoel", needsRide = true, channel = "desk" });
        Assert.Equal("confirmed", anna.GetProperty("status").GetString());
        var bert = await SignUpAsync(id, new { displayName = "Bert C.", companions = 1 });
        var carla = await SignUpAsync(id, new { displayName = "Carla D." });
        Assert.Equal(("waitlisted", 1), (bert.GetProperty("status").GetString(), bert.GetProperty("position").GetInt32()));
        // One seat is free, but Carla does not overtake Bert, who waits for two.
        Assert.Equal(("waitlisted", 2), (carla.GetProperty("status").GetString(), carla.GetProperty("position").GetInt32()));

        var cancelled = await _coordinator.PostAsync($"/api/calendar/activities/{id}/signups/{anna.GetProperty("id").GetGuid()}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.ReadAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await GetSignupAsync(id, bert)).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await GetSignupAsync(id, carla)).GetProperty("status").GetString());
        await StackFixture.EventuallyAsync(async () => (await PublishedByCalendarAsync(stack, "SignupPromoted", bert.GetProperty("id").GetGuid().ToString())).Count == 1);

        var dirk = await SignUpAsync(id, new { displayName = "Dirk E." });
        Assert.Equal("waitlisted", dirk.GetProperty("status").GetString());
        var overridden = await _coordinator.PostAsync($"/api/calendar/activities/{id}/signups/{dirk.GetProperty("id").GetGuid()}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        Assert.Equal("confirmed", (await overridden.ReadAsync<JsonElement>()).GetProperty("status").GetString());

        var list = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{id}/signups?status=cancelled");
        var annaRow = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("06-12345678", "desk", true, "Rolstoel"),
            (annaRow.GetProperty("phone").GetString(), annaRow.GetProperty("channel").GetString(), annaRow.GetProperty("needsRide").GetBoolean(), annaRow.GetProperty("accessNeeds").GetString()));
    }

    [Fact]
    public async Task A_series_sign_up_holds_a_seat_in_every_occurrence_and_an_occurrence_sign_up_only_in_its_own()
    {
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), capacity: 2, recurrence: new { frequency = "weekly", until = monday.AddDays(21) })))
            .GetProperty("id").GetGuid();

        Assert.Equal("confirmed", (await SignUpAsync(id, new { displayName = "Heel de reeks" })).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await SignUpAsync(id, new { displayName = "Week twee", occurrenceDate = monday.AddDays(7) })).GetProperty("status").GetString());
        Assert.Equal("waitlisted", (await SignUpAsync(id, new { displayName = "Ook week twee", occurrenceDate = monday.AddDays(7) })).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await SignUpAsync(id, new { displayName = "Week drie", occurrenceDate = monday.AddDays(14) })).GetProperty("status").GetString());
        Assert.Equal("waitlisted", (await SignUpAsync(id, new { displayName = "Ook de reeks" })).GetProperty("status").GetString());

        var noSuchDay = await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/signups", new { displayName = "Verkeerde dag", occurrenceDate = monday.AddDays(1) });
        Assert.Equal(HttpStatusCode.BadRequest, noSuchDay.StatusCode);
        Assert.True((await noSuchDay.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("occurrenceDate", out _));

        var week2 = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{id}/signups?occurrenceDate={monday.AddDays(7):yyyy-MM-dd}");
        Assert.Equal(4, week2.GetProperty("totalCount").GetInt32()); // the two series sign-ups count for week two too
    }

    [Fact]
    public async Task Parallel_sign_ups_for_the_last_seat_of_one_occurrence_give_it_once()
    {
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), capacity: 1, recurrence: new { frequency = "weekly", until = monday.AddDays(14) })))
            .GetProperty("id").GetGuid();
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/signups", new { displayName = $"Buur {i}", occurrenceDate = monday.AddDays(7) })));
        var statuses = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<JsonElement>()).GetProperty("status").GetString()));
        Assert.Equal(1, statuses.Count(s => s == "confirmed"));
        Assert.Equal(5, statuses.Count(s => s == "waitlisted"));
    }

    [Fact]
    public async Task Sign_ups_are_refused_for_cancelled_activities_skipped_dates_and_on_ones_own_for_a_partners_clients()
    {
        var monday = RandomMonday();
        var series = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), recurrence: new { frequency = "weekly", until = monday.AddDays(14) }))).GetProperty("id").GetGuid();
        await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{series}/occurrences/{monday.AddDays(7):yyyy-MM-dd}/skip", new { });
        await SignUpAsync(series, new { displayName = "Te laat", occurrenceDate = monday.AddDays(7) }, HttpStatusCode.Conflict);

        var partner = (await CreateAsync(_coordinator, new
        {
            title = "Spreekuur schuldhulp", category = "consultation", startsAt = At(monday, 10), endsAt = At(monday, 11), capacity = 4,
            targetGroup = "partner-clients", targetPartner = "Humanitas",
        })).GetProperty("id").GetGuid();
        await SignUpAsync(partner, new { displayName = "Zelf" }, HttpStatusCode.Conflict);
        await SignUpAsync(partner, new { displayName = "Via de balie", channel = "desk" });

        var cancelled = await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{series}/cancel", new { reason = "Vrijwilliger gestopt" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await SignUpAsync(series, new { displayName = "Na afzeggen" }, HttpStatusCode.Conflict);
        await SignUpAsync(Guid.NewGuid(), new { displayName = "Niemand" }, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.GetAsync($"/api/calendar/activities/{Guid.NewGuid()}/signups")).StatusCode);
        await SignUpAsync(series, new { displayName = "", companions = 50 }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Check_in_opens_an_hour_before_the_start_and_a_no_show_is_known_only_after_it()
    {
        var now = DateTimeOffset.UtcNow;
        var id = (await CreateAsync(_coordinator, new { title = "Koffieochtend", category = "coffee", startsAt = now.AddMinutes(30), endsAt = now.AddMinutes(90), capacity = 10 }))
            .GetProperty("id").GetGuid();
        var signup = await SignUpAsync(id, new { displayName = "Ellen F." });
        var signupId = signup.GetProperty("id").GetGuid();

        var noShow = await _coordinator.PutAsJsonAsync($"/api/calendar/activities/{id}/signups/{signupId}/attendance", new { status = "no-show" });
        Assert.Equal(HttpStatusCode.Conflict, noShow.StatusCode);
        var checkIn = await _coordinator.PutAsJsonAsync($"/api/calendar/activities/{id}/signups/{signupId}/attendance", new { status = "attended" });
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        var attendance = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{id}/attendance");
        Assert.Equal("attended", Assert.Single(attendance.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        var bad = await _coordinator.PutAsJsonAsync($"/api/calendar/activities/{id}/signups/{signupId}/attendance", new { status = "late" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
