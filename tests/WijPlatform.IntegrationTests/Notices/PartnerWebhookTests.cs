using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;
using WijPlatform.IntegrationTests.Stories;

namespace WijPlatform.IntegrationTests.Notices;

/// <summary>
/// A partner's system hears of its own signal's status changes without polling: it registers a
/// callback, an administrator approves it, and each change arrives signed, retried until accepted.
/// </summary>
public sealed class PartnerWebhookTests(StackFixture stack)
{
    [Fact]
    public async Task Each_status_change_of_the_partners_own_signal_arrives_signed_and_is_retried_with_backoff_until_the_receiver_accepts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failures: 2);
        var organisation = $"Het Sopje {Guid.NewGuid():N}"[..20];
        var (cleaner, _, _) = await stack.PartnerAsync(organisation);

        var registered = await cleaner.PostAsJsonAsync("/api/notices/webhooks", new { url = receiver.Url });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var registration = await registered.ReadAsync<JsonElement>();
        var secret = registration.GetProperty("secret").GetString()!;
        var webhookId = registration.GetProperty("webhook").GetProperty("id").GetGuid();
        Assert.Equal("pending", registration.GetProperty("webhook").GetProperty("status").GetString());
        // The secret is shown once: the administrator's list never has it.
        Assert.DoesNotContain(secret, await stack.Gateway.GetStringAsync("/api/notices/webhooks?pageSize=100"));
        // Nor does the database hold it readable: a dump of noticesdb cannot sign a partner's deliveries.
        var stored = await StoredSecretAsync(webhookId);
        Assert.StartsWith("wij:enc:v1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        // Another partner's signal, changed at the same time, is not this receiver's business.
        var (other, _, _) = await stack.PartnerAsync($"Thuiszorg {Guid.NewGuid():N}"[..20]);
        var team = stack.Professional("Zeist Noord", name: "Wijkwerker Noord");
        var mine = await SignalAsync(cleaner);
        var theirs = await SignalAsync(other);
        var triaged = await StoryHttp.Ok(team.PostAsJsonAsync($"/api/intake/signals/{mine}/triage", new { visit = true }));
        await StoryHttp.Ok(team.PostAsJsonAsync($"/api/intake/signals/{theirs}/triage", new { visit = false }));

        // Nothing goes out before an administrator approved the callback; the change waits, not lost.
        await StackFixture.EventuallyAsync(async () => (await DeliveriesAsync(organisation)).Count == 1);
        Assert.Empty(receiver.Calls);
        Assert.Equal(HttpStatusCode.OK, (await stack.Gateway.PostAsync($"/api/notices/webhooks/{webhookId}/approve", null)).StatusCode);

        await PartnerSignalVisitTests.VisitAcceptedAsync(stack, triaged.GetProperty("referralId").GetGuid());
        await StackFixture.EventuallyAsync(() => Task.FromResult(receiver.Calls.Count(c => c.Answered == 200) == 2), TimeSpan.FromSeconds(60));

        var calls = receiver.Calls.ToList();
        Assert.Equal([500, 500, 200, 200], calls.Select(c => c.Answered));
        foreach (var call in calls)
        {
            using var body = SignedBody(call, secret);
            Assert.Equal(["id", "type", "signalId", "status", "changedAt"], body.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(mine, body.RootElement.GetProperty("signalId").GetGuid());
        }
        // The first change three times with one id (the receiver can drop repeats), then the second.
        var ids = calls.Select(c => c.Headers["Wij-Webhook-Id"]).ToList();
        Assert.Equal(3, ids.Count(id => id == ids[0]));
        Assert.NotEqual(ids[0], ids[3]);
        Assert.Equal(["visit-requested", "visit-requested", "visit-requested", "visit-planned"], calls.Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("status").GetString()));
        // Backoff: 1 s after the first failure, 2 s after the second (the test stack's FirstRetryDelay).
        var (firstWait, secondWait) = (System.Diagnostics.Stopwatch.GetElapsedTime(calls[0].Ticks, calls[1].Ticks), System.Diagnostics.Stopwatch.GetElapsedTime(calls[1].Ticks, calls[2].Ticks));
        Assert.True(firstWait >= TimeSpan.FromSeconds(0.95), $"second attempt after {firstWait}");
        Assert.True(secondWait >= TimeSpan.FromSeconds(1.95), $"third attempt after {secondWait}");

        // The administrator sees each delivery with its last attempt and every attempt.
        var first = Assert.Single(await DeliveriesAsync(organisation), d => d.GetProperty("id").GetGuid().ToString() == ids[0]);
        Assert.Equal((3, 200), (first.GetProperty("attempts").GetInt32(), first.GetProperty("lastStatusCode").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("deliveredAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("nextAttemptAt").ValueKind);
        var attempts = await AllPages.ItemsAsync(stack.Gateway, $"/api/notices/webhooks/deliveries/{ids[0]}/attempts");
        Assert.Equal([500, 500, 200], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
    }

    [Theory]
    [InlineData("https://10.20.30.40/hook", "niet op de lijst")]
    [InlineData("https://192.168.7.7/hook", "privé")]
    [InlineData("http://192.168.7.7/hook", "https")]
    [InlineData("https://user:pw@127.0.0.1/hook", "gebruikersnaam")]
    public async Task A_callback_to_a_refused_host_is_a_400_and_nothing_is_registered_there(string url, string reason)
    {
        var organisation = $"Refused {Guid.NewGuid():N}"[..20];
        var (partner, _, _) = await stack.PartnerAsync(organisation);
        var problem = await IntakeApi.ProblemAsync(await partner.PostAsJsonAsync("/api/notices/webhooks", new { url }), HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await AllPages.ItemsAsync(stack.Gateway, "/api/notices/webhooks"), w => w.GetProperty("partner").GetString() == organisation);
    }

    [Fact]
    public async Task Each_status_change_of_the_partners_own_client_sign_ups_arrives_signed_at_its_callback()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failures: 0);
        var organisation = $"GGZ Noord {Guid.NewGuid():N}"[..20];
        var (partner, _, _) = await stack.PartnerAsync(organisation);
        var registration = await StoryHttp.Ok(partner.PostAsJsonAsync("/api/notices/webhooks", new { url = receiver.Url }));
        var secret = registration.GetProperty("secret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await stack.Gateway.PostAsync($"/api/notices/webhooks/{registration.GetProperty("webhook").GetProperty("id").GetGuid()}/approve", null)).StatusCode);

        // The coordinator offers a computer class for the partner's clients; the partner signs up two and cancels one.
        using var coordinator = stack.Coordinator();
        var startsAt = Calendar.CalendarKit.At(Calendar.CalendarKit.RandomMonday(), 10);
        var activity = (await Calendar.CalendarKit.CreateAsync(coordinator, new
        {
            title = "Computerles", description = "Voor cliënten.", category = "computer", room = Calendar.CalendarKit.UniqueRoom(), startsAt, endsAt = startsAt.AddHours(1),
            capacity = 5, targetGroup = "partner-clients", targetPartner = organisation,
        })).GetProperty("id").GetGuid();
        using var signedUp = await partner.PostAsJsonAsync($"/api/calendar/activities/{activity}/partner-signups",
            new { clients = new[] { new { firstName = "Zoë", clientReference = "K-1" }, new { firstName = "Олег", clientReference = "K-2" } } });
        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
        var signups = (await signedUp.ReadAsync<JsonElement>()).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/calendar/activities/{activity}/partner-signups/{signups[0]}/cancel", null)).StatusCode);
        // The organiser cancels the class: the other client's sign-up is cancelled with it.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/calendar/activities/{activity}/cancel", new { reason = "De docent is ziek." })).StatusCode);

        await StackFixture.EventuallyAsync(() => Task.FromResult(receiver.Calls.Count == 4), TimeSpan.FromSeconds(60));
        var changes = receiver.Calls.Select(call =>
        {
            using var body = SignedBody(call, secret);
            Assert.Equal(["id", "type", "signupId", "activityId", "occurrenceDate", "status", "changedAt"], body.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(("signup.status-changed", activity), (body.RootElement.GetProperty("type").GetString(), body.RootElement.GetProperty("activityId").GetGuid()));
            Assert.DoesNotContain("K-1", call.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Zoë", call.Body, StringComparison.Ordinal);
            return (Signup: body.RootElement.GetProperty("signupId").GetGuid(), Status: body.RootElement.GetProperty("status").GetString(),
                ChangedAt: body.RootElement.GetProperty("changedAt").GetDateTime());
        }).ToList();
        // Each sign-up's changes in the order they happened (the two sign-ups' changes may interleave).
        foreach (var signup in signups)
        {
            Assert.Equal(["confirmed", "cancelled"], changes.Where(c => c.Signup == signup).OrderBy(c => c.ChangedAt).Select(c => c.Status));
        }

        // Calendar's relay publishes the first client's two changes again: the partner is not called twice.
        await new NoticeKit(stack).RepublishAndWaitAsync("calendardb", nameof(WijPlatform.Contracts.PartnerSignupStatusChanged), "signupId", signups[0], messages: 2);
        Assert.Equal(4, receiver.Calls.Count);
        Assert.Equal(4, (await DeliveriesAsync(organisation)).Count(d => d.GetProperty("type").GetString() == "signup.status-changed"));
    }

    /// <summary>The call's body, after checking that it is signed with the partner's secret, fresh, and carries its delivery's id.</summary>
    private static JsonDocument SignedBody(WebhookReceiver.Call call, string secret)
    {
        var timestamp = call.Headers["Wij-Webhook-Timestamp"];
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{call.Body}")));
        Assert.Equal(expected, call.Headers["Wij-Webhook-Signature"]);
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("/hook", call.Path);
        var body = JsonDocument.Parse(call.Body);
        Assert.Equal(call.Headers["Wij-Webhook-Id"], body.RootElement.GetProperty("id").GetGuid().ToString());
        return body;
    }

    private static async Task<Guid> SignalAsync(HttpClient partner) =>
        (await StoryHttp.Ok(partner.PostAsJsonAsync("/api/intake/signals",
            new { partner = "-", postcode = IntakeApi.UniquePostcode("3707"), houseNumber = IntakeApi.UniqueHouseNumber(), concern = "Mevrouw lijkt eenzaam." }))).GetProperty("id").GetGuid();

    private async Task<List<JsonElement>> DeliveriesAsync(string partner) =>
        await AllPages.ItemsAsync(stack.Gateway, $"/api/notices/webhooks/deliveries?partner={Uri.EscapeDataString(partner)}");

    private async Task<string> StoredSecretAsync(Guid webhookId)
    {
        await using var notices = await stack.OpenDatabaseAsync("noticesdb");
        await using var query = new Npgsql.NpgsqlCommand("SELECT secret FROM partner_webhooks WHERE id = $1", notices) { Parameters = { new() { Value = webhookId } } };
        return (string)(await query.ExecuteScalarAsync())!;
    }
}
