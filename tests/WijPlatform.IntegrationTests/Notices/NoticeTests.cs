using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WijPlatform.Contracts;
using WijPlatform.IntegrationTests.Calendar;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Notices;

/// <summary>
/// A resident moved up from a waiting list hears it once, in the way they chose at the desk: a call
/// on the desk's list, an email through the sender (the development sender's folder), or a printed
/// letter. Caused by the real calendar over the real broker; repeated deliveries change nothing.
/// </summary>
public sealed class NoticeTests(StackFixture stack)
{
    private readonly HttpClient _desk = stack.Desk();
    private readonly IntakeApi _intake = new(stack);

    private readonly NoticeKit _kit = new(stack);

    [Fact]
    public async Task A_resident_moved_up_from_the_waiting_list_hears_it_once_in_the_way_they_chose_also_when_the_fact_arrives_twice()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var phoned = await RegisterAsync("Ëlla", $"Bakker-{tag}", "phone");
        var mailed = await RegisterAsync("Jürgen", $"Smit-{tag}", "email", email: $"jurgen-{tag}@example.nl");
        var written = await RegisterAsync("Zoë", $"Mulder-{tag}", "letter");

        // Three seats taken by walk-ins, three residents on the waiting list; the walk-ins cancel.
        using var coordinator = stack.Coordinator();
        var start = CalendarKit.At(CalendarKit.RandomMonday(), 14);
        var activityId = (await CalendarKit.CreateAsync(coordinator, CalendarKit.Games(CalendarKit.UniqueRoom(), start, capacity: 3))).GetProperty("id").GetGuid();
        var signups = $"/api/calendar/activities/{activityId}/signups";
        var walkIns = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            walkIns.Add((await SignUpAsync(signups, new { displayName = $"Inloop {i}", channel = "desk" }, "confirmed")).GetProperty("id").GetGuid());
        }
        var waiting = new List<Guid>();
        foreach (var resident in new[] { phoned, mailed, written })
        {
            waiting.Add((await SignUpAsync(signups, new { displayName = "Op de wachtlijst", channel = "desk", residentId = resident }, "waitlisted")).GetProperty("id").GetGuid());
        }
        foreach (var walkIn in walkIns)
        {
            Assert.Equal(HttpStatusCode.OK, (await _desk.PostAsync($"{signups}/{walkIn}/cancel", null)).StatusCode);
        }

        // By phone: on the desk's call list today, with her number and the Dutch words to say.
        var call = await NoticeKit.EventuallySingleAsync(async () => (await CallsAsync()).Where(c => c.GetProperty("residentId").GetGuid() == phoned).ToList());
        Assert.Equal($"Ëlla Bakker-{tag}", call.GetProperty("name").GetString());
        Assert.Equal("050 123 4567", call.GetProperty("phone").GetString());
        var say = call.GetProperty("say").GetString()!;
        Assert.Contains($"Ëlla Bakker-{tag}", say);
        Assert.Contains("Spelletjesmiddag", say);
        Assert.Contains("niet meer op de wachtlijst", say);

        // By email: one file in the sender's folder, to his address, in Dutch.
        var mail = await NoticeKit.EventuallySingleAsync(() => Task.FromResult(_kit.MessagesTo($"jurgen-{tag}@example.nl")));
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains($"Beste Jürgen Smit-{tag},", text);
        Assert.Contains("Er is een plek voor u vrijgekomen", text);
        Assert.Contains("Spelletjesmiddag", text);

        // By letter: one notice that goes by letter, printable as an HTML page in large type.
        var letter = await NoticeKit.EventuallySingleAsync(async () => await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={written}"));
        Assert.Equal(("letter", "signup-promoted"), (letter.GetProperty("way").GetString(), letter.GetProperty("kind").GetString()));
        Assert.Contains(await AllPages.ItemsAsync(_desk, "/api/notices/letters"), l => l.GetProperty("id").GetGuid() == letter.GetProperty("id").GetGuid());
        using var page = await _desk.GetAsync($"/api/notices/{letter.GetProperty("id").GetGuid()}/letter");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"Beste Zoë Mulder-{tag},", html);
        Assert.Contains("Oude Ebbingestraat", html);
        Assert.Contains("U staat niet meer op de wachtlijst en bent van harte welkom.", html);
        Assert.Contains("font-size: 18pt", html);

        // The calendar's relay publishes the same messages again (crashed before marking them sent),
        // and the same fact arrives once more under a new message id: nobody hears anything twice.
        var duplicates = await _kit.DuplicatesSuppressedAsync();
        foreach (var signup in waiting)
        {
            await _kit.RepublishAsync("calendardb", nameof(SignupPromoted), "signupId", signup);
        }
        var again = await PublishAsCalendarAsync(new SignupPromoted(null, waiting[0], activityId, start, phoned, "Spelletjesmiddag"));
        await StackFixture.EventuallyAsync(async () => await InboxHoldsAsync(again) && await _kit.DuplicatesSuppressedAsync() >= duplicates + 3, TimeSpan.FromSeconds(60));

        Assert.Single(await CallsAsync(), c => c.GetProperty("residentId").GetGuid() == phoned);
        Assert.Single(_kit.MessagesTo($"jurgen-{tag}@example.nl"));
        Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={phoned}"));
        Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={mailed}"));
        Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={written}"));
    }

    [Fact]
    public async Task The_desk_works_through_its_call_list_a_call_ticked_off_leaves_todays_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await RegisterAsync("Henk", $"de Vries-{tag}", "phone");
        var second = await RegisterAsync("Олена", $"Kovalenko-{tag}", "phone");
        var start = CalendarKit.At(CalendarKit.RandomMonday(), 10);
        var activityId = Guid.NewGuid();
        foreach (var resident in new[] { first, second })
        {
            await PublishAsCalendarAsync(new SignupPromoted(null, Guid.NewGuid(), activityId, start, resident, "Computerles"));
        }

        var calls = await NoticeKit.EventuallyAsync(async () =>
        {
            var ours = (await CallsAsync()).Where(c => c.GetProperty("residentId").GetGuid() is var r && (r == first || r == second)).ToList();
            return ours.Count == 2 ? ours : null;
        });
        var henk = calls.Single(c => c.GetProperty("residentId").GetGuid() == first).GetProperty("id").GetGuid();
        Assert.Contains($"Олена Kovalenko-{tag}", calls.Single(c => c.GetProperty("residentId").GetGuid() == second).GetProperty("say").GetString());

        using var done = await _desk.PostAsJsonAsync($"/api/notices/{henk}/done", new { });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var left = (await CallsAsync()).Where(c => c.GetProperty("residentId").GetGuid() is var r && (r == first || r == second)).ToList();
        Assert.Equal([second], left.Select(c => c.GetProperty("residentId").GetGuid()));
        var henksNotice = Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={first}"));
        Assert.Equal("Baliemedewerker Anna (desk)", henksNotice.GetProperty("doneBy").GetString());

        using var twice = await _desk.PostAsJsonAsync($"/api/notices/{henk}/done", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
        using var unknown = await _desk.PostAsJsonAsync($"/api/notices/{Guid.NewGuid()}/done", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The list is the desk's: a volunteer or the café's kitchen may not read who is to be phoned.
        using var cafe = stack.Cafe();
        Assert.Equal(HttpStatusCode.Forbidden, (await cafe.GetAsync("/api/notices/calls")).StatusCode);
    }

    [Fact]
    public async Task A_meal_delivery_decided_by_the_cafe_reaches_the_resident_without_the_reason_meant_for_the_regisseur()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var intake = new IntakeApi(stack, "Zeist Oost");
        var registered = await intake.PostOkAsync("/api/intake/residents", new
        {
            firstName = "Dina", lastName = $"de Boer-{tag}", dateOfBirth = "1938-02-11", postcode = IntakeApi.UniquePostcode("3705"), houseNumber = IntakeApi.UniqueHouseNumber(),
            street = "Kerkweg", city = "Zeist", phone = "030 765 4321", email = $"dina-{tag}@example.nl", preferredContact = "email",
        });
        var residentId = registered.GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, registered.GetProperty("postcode").GetString()!, ["zorg"]);
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "meal-delivery" });
        var startsOn = WijPlatform.IntegrationTests.Cafe.CafeClient.FreshFutureDate();
        var referralId = (await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "meal-delivery", weekdays = new[] { "saturday" }, startsOn })).GetProperty("id").GetGuid();

        using var cafe = stack.Cafe();
        await StackFixture.EventuallyGetAsync(cafe, $"/api/cafe/delivery-applications/{referralId}");
        Assert.Equal(HttpStatusCode.OK, (await cafe.PostAsJsonAsync($"/api/cafe/delivery-applications/{referralId}/decline", new { reason = "Op zaterdag bezorgen wij niet." })).StatusCode);

        var mail = await NoticeKit.EventuallySingleAsync(() => Task.FromResult(_kit.MessagesTo($"dina-{tag}@example.nl")));
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains($"Beste Dina de Boer-{tag},", text);
        Assert.Contains("Café Noord kan helaas geen maaltijden bij u thuis bezorgen.", text);
        Assert.DoesNotContain("zaterdag", text);
        // The message is written before its row is marked sent, in the transaction that holds the row.
        JsonElement notice = default;
        await StackFixture.EventuallyAsync(async () =>
        {
            notice = Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={residentId}"));
            return notice.GetProperty("sentAt").ValueKind != JsonValueKind.Null;
        });
        Assert.Equal(("email", "meal-delivery-declined"), (notice.GetProperty("way").GetString(), notice.GetProperty("kind").GetString()));

        var duplicates = await _kit.DuplicatesSuppressedAsync();
        await _kit.RepublishAsync("cafedb", nameof(MealDeliveryDeclined), "referralId", referralId);
        await StackFixture.EventuallyAsync(async () => await _kit.DuplicatesSuppressedAsync() > duplicates, TimeSpan.FromSeconds(60));
        Assert.Single(_kit.MessagesTo($"dina-{tag}@example.nl"));
        Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={residentId}"));
    }

    [Fact]
    public async Task A_cancelled_activity_reaches_each_resident_signed_up_once_by_letter_without_the_organisers_reason()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var resident = await RegisterAsync("Fenna", $"Dijkstra-{tag}", "letter");
        using var coordinator = stack.Coordinator();
        var activityId = (await CalendarKit.CreateAsync(coordinator, CalendarKit.Games(CalendarKit.UniqueRoom(), CalendarKit.At(CalendarKit.RandomMonday(), 14), capacity: 5))).GetProperty("id").GetGuid();
        await SignUpAsync($"/api/calendar/activities/{activityId}/signups", new { displayName = "Fenna", channel = "desk", residentId = resident }, "confirmed");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/calendar/activities/{activityId}/cancel", new { reason = "De zaal staat onder water." })).StatusCode);

        var notice = await NoticeKit.EventuallySingleAsync(async () => await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={resident}"));
        Assert.Equal(("letter", "activity-cancelled"), (notice.GetProperty("way").GetString(), notice.GetProperty("kind").GetString()));
        var html = await _desk.GetStringAsync($"/api/notices/{notice.GetProperty("id").GetGuid()}/letter");
        Assert.Contains($"Beste Fenna Dijkstra-{tag},", html);
        Assert.Contains("Helaas gaat Spelletjesmiddag niet meer door.", html);
        Assert.DoesNotContain("onder water", html);

        // Published again by the calendar's relay: still one letter.
        var duplicates = await _kit.DuplicatesSuppressedAsync();
        await _kit.RepublishAsync("calendardb", nameof(ActivityCancelled), "activityId", activityId);
        await StackFixture.EventuallyAsync(async () => await _kit.DuplicatesSuppressedAsync() > duplicates, TimeSpan.FromSeconds(60));
        Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={resident}"));
    }

    [Fact]
    public async Task A_volunteer_introduced_by_the_coordinator_is_on_the_desks_call_list_with_the_volunteers_first_name()
    {
        using var coordinator = stack.Coordinator();
        var talent = $"t-{Guid.NewGuid():N}"[..20];
        var volunteer = await coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = "Wim", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 CD", travelMode = "bike" });
        Assert.Equal(HttpStatusCode.Created, volunteer.StatusCode);
        var volunteerId = (await volunteer.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var intake = new IntakeApi(stack, "Zeist Centrum");
        var residentId = (await intake.RegisterResidentAsync("3701 AB", IntakeApi.UniqueHouseNumber(), "Cor", $"Visser-{talent[2..8]}")).GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(residentId, "3701 AB");
        await intake.PostOkAsync($"/api/intake/residents/{residentId}/consents", new { purpose = "share-with-volunteer" });
        var referralId = (await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent })).GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(coordinator, $"/api/matching/requests/{referralId}");
        if ((await coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={referralId}")).GetProperty("totalCount").GetInt64() == 0)
        {
            Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/matching/requests/{referralId}/proposals", new { volunteerId })).StatusCode);
        }
        var matchId = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={referralId}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/matching/matches/{matchId}/introduce", null)).StatusCode);

        var call = await NoticeKit.EventuallySingleAsync(async () => (await CallsAsync()).Where(c => c.GetProperty("residentId").GetGuid() == residentId).ToList());
        Assert.Equal("volunteer-introduced", call.GetProperty("kind").GetString());
        Assert.Contains("we hebben een vrijwilliger voor u gevonden: Wim.", call.GetProperty("say").GetString());

        var duplicates = await _kit.DuplicatesSuppressedAsync();
        await _kit.RepublishAsync("matchingdb", nameof(VolunteerMatchIntroduced), "matchId", matchId);
        await StackFixture.EventuallyAsync(async () => await _kit.DuplicatesSuppressedAsync() > duplicates, TimeSpan.FromSeconds(60));
        Assert.Single(await CallsAsync(), c => c.GetProperty("residentId").GetGuid() == residentId);
    }

    [Fact]
    public async Task A_new_phone_number_recorded_at_the_desk_is_the_number_on_the_call_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var resident = await RegisterAsync("Rié", $"Dijkstra-{tag}", "phone");
        using var changed = await _desk.PutAsJsonAsync($"/api/intake/residents/{resident}/phone", new { phone = "06 1234 5678" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await PublishAsCalendarAsync(new SignupPromoted(null, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(2), resident, "Breicafé"));

        // Not the number she gave at registration: the desk would phone nobody, or someone else.
        var call = await NoticeKit.EventuallySingleAsync(async () => (await CallsAsync())
            .Where(c => c.GetProperty("residentId").GetGuid() == resident && c.GetProperty("phone").GetString() == "06 1234 5678").ToList());
        Assert.Equal("06 1234 5678", call.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_resident_who_prefers_text_messages_gets_the_notice_as_one_text_message_to_their_number()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var phone = $"06 {Random.Shared.Next(10_000_000, 99_999_999)}";
        var resident = await RegisterAsync("Noor", $"El Amrani-{tag}", "sms", phone: phone);

        await PublishAsCalendarAsync(new SignupPromoted(null, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(3), resident, "Breicafé"));

        var sms = await File.ReadAllTextAsync(await NoticeKit.EventuallySingleAsync(() => Task.FromResult(_kit.MessagesTo(phone, "sms"))));
        Assert.Contains($"Beste Noor El Amrani-{tag}, Goed nieuws: er is een plek vrijgekomen bij Breicafé", sms);
        Assert.Empty(_kit.MessagesTo(phone, "email"));
        await StackFixture.EventuallyAsync(async () =>
            Assert.Single(await AllPages.ItemsAsync(_desk, $"/api/notices?residentId={resident}")) is var notice
            && notice.GetProperty("way").GetString() == "sms" && notice.GetProperty("sentAt").ValueKind != JsonValueKind.Null);
        Assert.DoesNotContain(await CallsAsync(), c => c.GetProperty("residentId").GetGuid() == resident);

        // A number is needed to prefer text messages.
        using var refused = await _desk.PostAsJsonAsync("/api/intake/residents", new
        {
            firstName = "Noor", lastName = "Zonder-nummer", dateOfBirth = "1950-01-01", postcode = IntakeApi.UniquePostcode(), houseNumber = IntakeApi.UniqueHouseNumber(), preferredContact = "sms",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
    }

    private async Task<Guid> RegisterAsync(string firstName, string lastName, string preferredContact, string? email = null, string phone = "050 123 4567") =>
        (await _intake.PostOkAsync("/api/intake/residents", new
        {
            firstName,
            lastName,
            dateOfBirth = "1944-03-08",
            postcode = IntakeApi.UniquePostcode(),
            houseNumber = IntakeApi.UniqueHouseNumber(),
            street = "Oude Ebbingestraat",
            city = "Groningen",
            phone,
            email,
            preferredContact,
        })).GetProperty("id").GetGuid();

    private async Task<JsonElement> SignUpAsync(string path, object body, string status)
    {
        var response = await _desk.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var signup = await response.ReadAsync<JsonElement>();
        Assert.Equal(status, signup.GetProperty("status").GetString());
        return signup;
    }

    private Task<List<JsonElement>> CallsAsync() => AllPages.ItemsAsync(_desk, "/api/notices/calls");

    /// <summary>A message as the calendar's own relay sends it, from its outbox, under a message id of its own.</summary>
    private async Task<Guid> PublishAsCalendarAsync<T>(T message)
        where T : class
    {
        var id = Guid.NewGuid();
        await using var calendar = await stack.OpenDatabaseAsync("calendardb");
        await using var insert = new NpgsqlCommand("INSERT INTO outbox_messages (id, message_type, body) VALUES ($1, $2, $3::jsonb)", calendar)
        {
            Parameters =
            {
                new() { Value = id },
                new() { Value = $"{typeof(T).FullName}, WijPlatform.Contracts" },
                new() { Value = JsonSerializer.Serialize(message, JsonSerializerOptions.Web) },
            },
        };
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<bool> InboxHoldsAsync(Guid messageId)
    {
        await using var notices = await stack.OpenDatabaseAsync("noticesdb");
        await using var query = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE message_id = $1", notices) { Parameters = { new() { Value = messageId } } };
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }
}
