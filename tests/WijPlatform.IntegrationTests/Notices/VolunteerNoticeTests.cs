using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.Contracts;
using WijPlatform.IntegrationTests.Cafe;

namespace WijPlatform.IntegrationTests.Notices;

/// <summary>
/// Volunteers hear what concerns them once, in the way they chose when they were registered: a VOG about
/// to expire (matching) and a delivery round they were confirmed for (the café), caused by the real
/// services over the real broker; a text message through the development sender's folder, or a notice
/// on the coordinator's list. Published again, nothing is told twice.
/// </summary>
public sealed class VolunteerNoticeTests(StackFixture stack)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private readonly HttpClient _coordinator = stack.Coordinator();
    private readonly NoticeKit _kit = new(stack);

    [Fact]
    public async Task A_volunteer_whose_VOG_is_about_to_expire_gets_one_text_message_and_sees_the_notice_as_their_own()
    {
        var phone = $"06 {Random.Shared.Next(10_000_000, 99_999_999)}";
        var issuedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3).AddDays(30);
        using var registered = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName = "Sanne", talents = Array.Empty<string>(), otherTalents = new[] { "boodschappen" }, postcode = "3701 CD", travelMode = "bike",
            vogStatus = "valid", vogIssuedOn = issuedOn, preferredContact = "sms", phone,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var volunteerId = (await registered.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        var sms = await File.ReadAllTextAsync(await NoticeKit.EventuallySingleAsync(() => Task.FromResult(_kit.MessagesTo(phone, "sms"))));
        Assert.Contains($"Hoi Sanne, Je VOG verloopt op {issuedOn.AddYears(3).ToString("d MMMM yyyy", Dutch)}.", sms);
        Assert.Contains("via de coördinator", sms);

        // The volunteer reads it among their own notices; another volunteer may not.
        using var self = stack.Volunteer(volunteerId, "Sanne");
        await StackFixture.EventuallyAsync(async () =>
            Assert.Single(await AllPages.ItemsAsync(self, $"/api/notices/volunteers?volunteerId={volunteerId}")) is var notice
            && (notice.GetProperty("kind").GetString(), notice.GetProperty("way").GetString()) == ("vog-expiring", "sms")
            && notice.GetProperty("sentAt").ValueKind != JsonValueKind.Null);
        using var other = stack.Volunteer(Guid.NewGuid(), "Andere vrijwilliger");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/notices/volunteers?volunteerId={volunteerId}")).StatusCode);

        // Matching's relay publishes the warning again: still one text message.
        await _kit.RepublishAndWaitAsync("matchingdb", nameof(VogExpiryWarned), "volunteerId", volunteerId);
        Assert.Single(_kit.MessagesTo(phone, "sms"));
        Assert.Single(await AllPages.ItemsAsync(_coordinator, $"/api/notices/volunteers?volunteerId={volunteerId}"));
    }

    [Fact]
    public async Task A_deliverer_confirmed_for_a_round_is_on_the_coordinators_list_with_the_day_round_and_addresses_but_no_address()
    {
        var name = $"Bezorger{Random.Shared.Next(100000)}";
        using (var volunteer = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = name, talents = new[] { "meal-delivery" }, postcode = "3705 AB", travelMode = "bike" }))
        {
            Assert.Equal(HttpStatusCode.Created, volunteer.StatusCode);
        }
        var round = await AssignedRoundAsync(name);
        var (roundId, volunteerId) = (round.GetProperty("id").GetGuid(), round.GetProperty("volunteerId").GetGuid());
        var date = DateOnly.Parse(round.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
        var stops = round.GetProperty("stops").GetInt32();

        var call = await NoticeKit.EventuallySingleAsync(async () => (await CallsAsync()).Where(c => c.GetProperty("volunteerId").GetGuid() == volunteerId).ToList());
        Assert.Equal(("delivery-round-assigned", round.GetProperty("volunteerFirstName").GetString()), (call.GetProperty("kind").GetString(), call.GetProperty("firstName").GetString()));
        var tell = call.GetProperty("tell").GetString()!;
        Assert.StartsWith($"Je bezorgt op {date.ToString("dddd d MMMM", Dutch)} ronde {round.GetProperty("number").GetInt32()} van Café Noord, vanaf ", tell);
        Assert.Contains(stops == 1 ? ": één adres." : $": {stops} adressen.", tell);
        Assert.DoesNotContain("Lindenlaan", tell);
        Assert.DoesNotContain("Bewoner", tell);

        // The café's relay publishes the assignment again: still one notice.
        await _kit.RepublishAndWaitAsync("cafedb", nameof(DeliveryRoundAssigned), "roundId", roundId);
        Assert.Single(await CallsAsync(), c => c.GetProperty("volunteerId").GetGuid() == volunteerId && c.GetProperty("kind").GetString() == "delivery-round-assigned");

        // The list is the coordinator's: the desk neither reads it nor ticks a volunteer's notice off.
        using var desk = stack.Desk();
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/api/notices/volunteers/calls")).StatusCode);
        var id = call.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsJsonAsync($"/api/notices/{id}/done", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _coordinator.PostAsJsonAsync($"/api/notices/volunteers/{id}/done", new { })).StatusCode);
        Assert.DoesNotContain(await CallsAsync(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Coördinator Els (coordinator)", Assert.Single(await AllPages.ItemsAsync(_coordinator, $"/api/notices/volunteers?volunteerId={volunteerId}"),
            n => n.GetProperty("id").GetGuid() == id).GetProperty("doneBy").GetString());
    }

    [Fact]
    public async Task A_volunteer_who_switches_from_email_to_sms_gets_the_next_notice_as_a_text_message_and_another_volunteer_cannot_switch_it()
    {
        var email = $"wim.{Guid.NewGuid():N}@example.org";
        var phone = $"06 {Random.Shared.Next(10_000_000, 99_999_999)}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var registered = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName = "Wim", talents = Array.Empty<string>(), otherTalents = new[] { "boodschappen" }, postcode = "3701 CD", travelMode = "bike",
            vogStatus = "valid", vogIssuedOn = today.AddYears(-1), preferredContact = "email", email,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var volunteerId = (await registered.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var contact = $"/api/matching/volunteers/{volunteerId}/contact";
        await EventuallyNoticesReachAsync(volunteerId, "email");

        // Another volunteer may not change it.
        using var other = stack.Volunteer(Guid.NewGuid(), "Andere vrijwilliger");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync(contact, new { preferredContact = "sms", phone = "06 12345678" })).StatusCode);

        // The volunteer themself, with their own token: a text message needs a number, then it is theirs.
        using var self = stack.Volunteer(volunteerId, "Wim");
        var noNumber = await IntakeApi.ProblemAsync(await self.PutAsJsonAsync(contact, new { preferredContact = "sms" }), HttpStatusCode.BadRequest);
        Assert.True(noNumber.GetProperty("errors").TryGetProperty("phone", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await self.PutAsJsonAsync(contact, new { preferredContact = "sms", phone })).StatusCode);
        await EventuallyNoticesReachAsync(volunteerId, "sms");

        // Older contacts arrive afterwards (one stamped before the change, one from a version before the stamp): the newest stays.
        var late = new[]
        {
            await stack.PublishThroughOutboxAsync("matchingdb", new VolunteerContactRecorded(volunteerId, "Wim", "email", null, email, DateTime.UtcNow.AddMinutes(-5))),
            await stack.PublishThroughOutboxAsync("matchingdb", new VolunteerContactRecorded(volunteerId, "Wim", "email", null, email)),
        };
        await StackFixture.EventuallyAsync(async () => await ConsumedByNoticesAsync(late) == late.Length, TimeSpan.FromSeconds(60));
        Assert.Equal("sms", await NoticesWayAsync(volunteerId));

        // The coordinator records a VOG that expires within the month: the warning comes as a text message, not by email.
        var issuedOn = today.AddYears(-3).AddDays(30);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsJsonAsync($"/api/matching/volunteers/{volunteerId}/vog", new { status = "valid", issuedOn })).StatusCode);
        var sms = await File.ReadAllTextAsync(await NoticeKit.EventuallySingleAsync(() => Task.FromResult(_kit.MessagesTo(phone, "sms"))));
        Assert.Contains($"Hoi Wim, Je VOG verloopt op {issuedOn.AddYears(3).ToString("d MMMM yyyy", Dutch)}.", sms);
        Assert.Empty(_kit.MessagesTo(email, "email"));
    }

    [Fact]
    public async Task An_erased_volunteers_contact_that_arrives_late_is_not_kept_again()
    {
        var phone = $"06 {Random.Shared.Next(10_000_000, 99_999_999)}";
        using var registered = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName = "Ilse", talents = Array.Empty<string>(), otherTalents = new[] { "koffie" }, postcode = "3701 CD", travelMode = "bike",
            vogStatus = "none", preferredContact = "sms", phone,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var volunteerId = (await registered.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await EventuallyNoticesReachAsync(volunteerId, "sms");

        // The coordinator erases her on her request; the notices service forgets how to reach her.
        Assert.Equal(HttpStatusCode.NoContent, (await _coordinator.DeleteAsync($"/api/matching/volunteers/{volunteerId}")).StatusCode);
        await StackFixture.EventuallyAsync(async () => await NoticesWayAsync(volunteerId) is null, TimeSpan.FromSeconds(60));

        // Her registration's contact arrives once more (redelivered, or overtaken by the erasure on the broker): it stays forgotten.
        var late = new[] { await stack.PublishThroughOutboxAsync("matchingdb", new VolunteerContactRecorded(volunteerId, "Ilse", "sms", phone, null, DateTime.UtcNow)) };
        await StackFixture.EventuallyAsync(async () => await ConsumedByNoticesAsync(late) == late.Length, TimeSpan.FromSeconds(60));
        Assert.Null(await NoticesWayAsync(volunteerId));
    }

    /// <summary>Waits until the notices service reaches the volunteer the way they chose last (what it keeps, read from its database).</summary>
    private async Task EventuallyNoticesReachAsync(Guid volunteerId, string preferredContact) =>
        await StackFixture.EventuallyAsync(async () => await NoticesWayAsync(volunteerId) == preferredContact, TimeSpan.FromSeconds(60));

    private async Task<string?> NoticesWayAsync(Guid volunteerId)
    {
        await using var connection = await stack.OpenDatabaseAsync("noticesdb");
        await using var query = new NpgsqlCommand("SELECT preferred_contact FROM volunteer_recipients WHERE volunteer_id = $1", connection) { Parameters = { new() { Value = volunteerId } } };
        return await query.ExecuteScalarAsync() as string;
    }

    private async Task<long> ConsumedByNoticesAsync(Guid[] messageIds)
    {
        await using var connection = await stack.OpenDatabaseAsync("noticesdb");
        await using var query = new NpgsqlCommand("SELECT count(DISTINCT message_id) FROM inbox_messages WHERE message_id = ANY($1)", connection) { Parameters = { new() { Value = messageIds } } };
        return (long)(await query.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// A round of two home deliveries whose deliverer matching found and the coordinator confirmed: a
    /// clear best deliverer is proposed at once, otherwise the coordinator proposes ours.
    /// </summary>
    private async Task<JsonElement> AssignedRoundAsync(string volunteerName)
    {
        using var cafe = stack.Cafe();
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        foreach (var number in new[] { "5", "9" })
        {
            Assert.Equal(HttpStatusCode.Created, (await cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = $"Bewoner {number}", fulfilment = "delivery", street = "Lindenlaan", houseNumber = number, postcode = "3705 AB" })).StatusCode);
        }
        var roundId = (await (await cafe.PostAsJsonAsync("/api/cafe/rounds", new { date })).ReadAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{roundId}");
        var automatic = (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={roundId}")).GetProperty("items");
        Guid matchId;
        if (automatic.GetArrayLength() == 1)
        {
            matchId = automatic[0].GetProperty("id").GetGuid();
        }
        else
        {
            var ours = (await AllPages.ItemsAsync(_coordinator, "/api/matching/volunteers")).First(v => v.GetProperty("firstName").GetString() == volunteerName).GetProperty("id").GetGuid();
            using var proposed = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{roundId}/proposals", new { volunteerId = ours });
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
            matchId = (await proposed.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        await StackFixture.EventuallyAsync(async () => (await RoundAsync(cafe, roundId)).GetProperty("status").GetString() == "deliverer-proposed");
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/introduce", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/activate", null)).StatusCode);
        await StackFixture.EventuallyAsync(async () => (await RoundAsync(cafe, roundId)).GetProperty("status").GetString() == "assigned");
        return await RoundAsync(cafe, roundId);
    }

    private static async Task<JsonElement> RoundAsync(HttpClient cafe, Guid roundId) =>
        (await cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{roundId}")).GetProperty("round");

    private Task<List<JsonElement>> CallsAsync() => AllPages.ItemsAsync(_coordinator, "/api/notices/volunteers/calls");
}
