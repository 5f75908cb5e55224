using static WijPlatform.IntegrationTests.Calendar.CalendarKit;

namespace WijPlatform.IntegrationTests.Calendar;

/// <summary>Referrals, cancellations, no-shows and erasure travel over the real RabbitMQ.</summary>
public sealed class MessageTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();

    private static ActivityReferralRequested Referral(Guid activityId, Guid residentId, DateTimeOffset? occurrenceStart = null, string name = "Mevrouw G.") =>
        new(Guid.NewGuid(), Guid.NewGuid(), residentId, activityId, occurrenceStart, name, "050-1234567");

    private async Task<JsonElement> SignupOfReferralAsync(Guid activityId, Guid referralId)
    {
        JsonElement found = default;
        await StackFixture.EventuallyAsync(async () =>
        {
            var page = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{activityId}/signups?pageSize=100");
            var match = page.GetProperty("items").EnumerateArray().Where(s => s.GetProperty("referralId").ValueKind == JsonValueKind.String && s.GetProperty("referralId").GetGuid() == referralId).ToList();
            found = match.FirstOrDefault();
            return match.Count == 1;
        });
        return found;
    }

    private Task<IReadOnlyList<JsonElement>> EventuallyPublishedAsync(string type, Guid mentioning, int count = 1) =>
        EventuallyPublishedAsync(type, mentioning.ToString(), count);

    private async Task<IReadOnlyList<JsonElement>> EventuallyPublishedAsync(string type, string mentioning, int count = 1)
    {
        IReadOnlyList<JsonElement> bodies = [];
        await StackFixture.EventuallyAsync(async () => (bodies = await PublishedByCalendarAsync(stack, type, mentioning)).Count >= count);
        return bodies;
    }

    [Fact]
    public async Task A_referral_is_signed_up_or_wait_listed_and_intake_is_answered_and_a_cancellation_promotes_the_next()
    {
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), capacity: 1))).GetProperty("id").GetGuid();
        var first = Referral(id, Guid.NewGuid());
        var second = Referral(id, Guid.NewGuid());
        await stack.PublishThroughOutboxAsync("intakedb", first);
        var firstSignup = await SignupOfReferralAsync(id, first.ReferralId);
        await stack.PublishThroughOutboxAsync("intakedb", second);
        var secondSignup = await SignupOfReferralAsync(id, second.ReferralId);

        Assert.Equal(("confirmed", "referral"), (firstSignup.GetProperty("status").GetString(), firstSignup.GetProperty("channel").GetString()));
        Assert.Equal("waitlisted", secondSignup.GetProperty("status").GetString());
        var confirmed = Assert.Single(await EventuallyPublishedAsync("SignupConfirmed", first.ReferralId));
        Assert.Equal(Utc(monday, 14), confirmed.GetProperty("occurrenceStart").GetDateTime().ToUniversalTime());
        var waitlisted = Assert.Single(await EventuallyPublishedAsync("SignupWaitlisted", second.ReferralId));
        Assert.Equal(1, waitlisted.GetProperty("position").GetInt32());

        await _coordinator.PostAsync($"/api/calendar/activities/{id}/signups/{firstSignup.GetProperty("id").GetGuid()}/cancel", null);
        var promoted = Assert.Single(await EventuallyPublishedAsync("SignupPromoted", second.ReferralId));
        Assert.Equal(secondSignup.GetProperty("id").GetGuid(), promoted.GetProperty("signupId").GetGuid());
    }

    [Fact]
    public async Task A_referral_to_a_missing_activity_or_a_date_it_does_not_happen_is_refused_with_a_reason()
    {
        var missing = Referral(Guid.NewGuid(), Guid.NewGuid());
        await stack.PublishThroughOutboxAsync("intakedb", missing);
        // The reason is a code that intake words in its own reader's language, not a sentence.
        Assert.Equal("missing:activity", Assert.Single(await EventuallyPublishedAsync("ReferralRefused", missing.ReferralId)).GetProperty("reason").GetString());

        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), recurrence: new { frequency = "weekly", until = monday.AddDays(14) }))).GetProperty("id").GetGuid();
        var wrongDay = Referral(id, Guid.NewGuid(), At(monday.AddDays(2), 14));
        await stack.PublishThroughOutboxAsync("intakedb", wrongDay);
        Assert.Single(await EventuallyPublishedAsync("ReferralRefused", wrongDay.ReferralId));
    }

    [Fact]
    public async Task Cancelling_an_occurrence_cancels_its_sign_ups_and_tells_intake_every_referral_affected_with_the_phone_kept_for_the_desk()
    {
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14), recurrence: new { frequency = "weekly", until = monday.AddDays(21) }))).GetProperty("id").GetGuid();
        var forTheDay = Referral(id, Guid.NewGuid(), At(monday.AddDays(7), 14));
        var forTheSeries = Referral(id, Guid.NewGuid());
        var otherDay = Referral(id, Guid.NewGuid(), At(monday.AddDays(14), 14));
        foreach (var referral in new[] { forTheDay, forTheSeries, otherDay })
        {
            await stack.PublishThroughOutboxAsync("intakedb", referral);
            await SignupOfReferralAsync(id, referral.ReferralId);
        }

        var cancelled = await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/occurrences/{monday.AddDays(7):yyyy-MM-dd}/cancel", new { reason = "Zaal lekt" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var message = Assert.Single(await EventuallyPublishedAsync("ActivityCancelled", forTheDay.ReferralId));
        Assert.Equal(Utc(monday.AddDays(7), 14), message.GetProperty("occurrenceStart").GetDateTime().ToUniversalTime());
        Assert.Equal(
            new[] { forTheDay.ReferralId, forTheSeries.ReferralId }.Order(),
            message.GetProperty("affectedReferralIds").EnumerateArray().Select(r => r.GetGuid()).Order());
        var day = await SignupOfReferralAsync(id, forTheDay.ReferralId);
        Assert.Equal(("cancelled", "050-1234567"), (day.GetProperty("status").GetString(), day.GetProperty("phone").GetString()));
        Assert.Equal("confirmed", (await SignupOfReferralAsync(id, otherDay.ReferralId)).GetProperty("status").GetString());
        Assert.Equal("confirmed", (await SignupOfReferralAsync(id, forTheSeries.ReferralId)).GetProperty("status").GetString());

        await _coordinator.PostAsJsonAsync($"/api/calendar/activities/{id}/cancel", new { reason = "Vrijwilliger gestopt" });
        var whole = (await EventuallyPublishedAsync("ActivityCancelled", otherDay.ReferralId)).Single(m => m.GetProperty("occurrenceStart").ValueKind == JsonValueKind.Null);
        Assert.Equal(2, whole.GetProperty("affectedReferralIds").GetArrayLength());
    }

    [Fact]
    public async Task A_second_no_show_of_a_referred_resident_is_published_for_the_regisseur()
    {
        var resident = Guid.NewGuid();
        var start = DateTimeOffset.UtcNow.AddSeconds(10);
        var activities = new List<Guid>();
        foreach (var title in new[] { "Wandelgroep", "Breiclub" })
        {
            activities.Add((await CreateAsync(_coordinator, new { title, category = "walk", startsAt = start, endsAt = start.AddHours(1), capacity = 5 })).GetProperty("id").GetGuid());
        }
        var referrals = activities.Select(a => Referral(a, resident)).ToList();
        foreach (var referral in referrals)
        {
            await stack.PublishThroughOutboxAsync("intakedb", referral);
        }
        var signups = new List<Guid>();
        foreach (var referral in referrals)
        {
            signups.Add((await SignupOfReferralAsync(referral.ActivityId, referral.ReferralId)).GetProperty("id").GetGuid());
        }
        // A no-show can be recorded once the activity started: until then the calendar refuses it (409), which is what is waited for.
        for (var i = 0; i < 2; i++)
        {
            var path = $"/api/calendar/activities/{activities[i]}/signups/{signups[i]}/attendance";
            await StackFixture.EventuallyAsync(async () => await NoShowRecordedAsync(path), start - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20));
        }

        var reported = Assert.Single(await EventuallyPublishedAsync("RepeatedNoShowsRecorded", resident));
        Assert.Equal((referrals[1].ReferralId, 2), (reported.GetProperty("referralId").GetGuid(), reported.GetProperty("noShows").GetInt32()));
    }

    private async Task<bool> NoShowRecordedAsync(string path)
    {
        using var response = await _coordinator.PutAsJsonAsync(path, new { status = "no-show" });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{path}: {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task An_erasure_request_removes_the_residents_name_and_phone_from_sign_ups_and_is_confirmed()
    {
        var monday = RandomMonday();
        var id = (await CreateAsync(_coordinator, Games(UniqueRoom(), At(monday, 14)))).GetProperty("id").GetGuid();
        var resident = Guid.NewGuid();
        var referral = Referral(id, resident, name: "Meneer H. de Vries");
        await stack.PublishThroughOutboxAsync("intakedb", referral);
        await SignupOfReferralAsync(id, referral.ReferralId);

        var erasure = new ResidentErasureRequested(Guid.NewGuid(), resident);
        await stack.PublishThroughOutboxAsync("intakedb", erasure);
        var confirmation = Assert.Single(await EventuallyPublishedAsync("ResidentErased", erasure.ErasureId));
        Assert.Equal("calendar", confirmation.GetProperty("service").GetString());

        var signup = await SignupOfReferralAsync(id, referral.ReferralId);
        Assert.Equal("Verwijderd", signup.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, signup.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, signup.GetProperty("residentId").ValueKind);
        Assert.Equal("confirmed", signup.GetProperty("status").GetString());
    }
}
