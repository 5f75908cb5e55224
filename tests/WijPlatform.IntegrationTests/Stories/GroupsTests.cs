using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Calendar;
using static WijPlatform.IntegrationTests.Stories.StoryHttp;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>
/// Groups: a partner signs up several of its own clients for the computer class meant for them and
/// sees and cancels only its own; a job needs several volunteers ("glass to the bottle bank"), maybe
/// under supervision with day-activity participants, and a local business can be the one asking.
/// </summary>
public sealed class GroupsTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();

    [Fact]
    public async Task A_partner_signs_up_its_clients_within_capacity_and_sees_and_cancels_only_its_own_sign_ups()
    {
        var ggz = $"GGZ Centraal {Guid.NewGuid():N}"[..24];
        var (partnerA, _, _) = await stack.PartnerAsync(ggz);
        var (partnerB, _, _) = await stack.PartnerAsync($"Humanitas {Guid.NewGuid():N}"[..20]);
        var startsAt = CalendarKit.At(CalendarKit.RandomMonday(), 14);
        var activity = await CalendarKit.CreateAsync(_coordinator, new
        {
            title = "Computerles",
            description = "Werken met de computer, in kleine groepjes.",
            category = "computer",
            room = CalendarKit.UniqueRoom(),
            startsAt,
            endsAt = startsAt.AddHours(2),
            capacity = 4,
            targetGroup = "partner-clients",
            targetPartner = ggz,
        });
        var signups = $"/api/calendar/activities/{activity.GetProperty("id").GetGuid()}/partner-signups";
        object Clients(params (string FirstName, string Reference)[] clients) => new { clients = clients.Select(c => new { firstName = c.FirstName, clientReference = c.Reference }) };

        // Three clients at once, each by first name and the partner's own reference, all confirmed.
        var created = await partnerA.PostAsJsonAsync(signups, Clients(("Zoë", "K-101"), ("Jörg", "K-102"), ("Аня", "K-103")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var three = (await created.ReadAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["Zoë", "Jörg", "Аня"], three.Select(s => s.GetProperty("firstName").GetString()));
        Assert.All(three, s => Assert.Equal("confirmed", s.GetProperty("status").GetString()));

        // Beyond capacity nobody is signed up, and the partner is told how many places are left.
        var tooMany = await partnerA.PostAsJsonAsync(signups, Clients(("Piet", "K-104"), ("Fatma", "K-105")));
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Contains("1 plaats is nog vrij", (await tooMany.ReadAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await partnerA.PostAsJsonAsync(signups, Clients(("Zoë", "K-101")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partnerA.PostAsJsonAsync(signups, Clients(("", "K-106")))).StatusCode);
        Assert.Equal(3, (await Ok(partnerA.GetAsync(signups))).GetProperty("totalCount").GetInt64());

        // Another partner sees none of them, cannot cancel them, and cannot sign up for an activity not meant for its clients.
        var first = three[0].GetProperty("id").GetGuid();
        Assert.Equal(0, (await Ok(partnerB.GetAsync(signups))).GetProperty("totalCount").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await partnerB.GetAsync($"{signups}/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerB.PostAsync($"{signups}/{first}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerB.PostAsJsonAsync(signups, Clients(("Bram", "H-1")))).StatusCode);
        Assert.Equal("confirmed", (await Ok(partnerA.GetAsync($"{signups}/{first}"))).GetProperty("status").GetString());

        // The desk and a resident do not use the partner's endpoint; the partner does not use the desk's.
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.Desk().PostAsJsonAsync(signups, Clients(("Piet", "K-104")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stack.As("resident", new Dictionary<string, string> { ["name"] = "Bewoner" }, "resident-groups").GetAsync(signups)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerA.GetAsync(signups.Replace("partner-signups", "signups"))).StatusCode);

        // The partner cancels one of its own: the place is free for the next two... one of them.
        var cancelled = await Ok(partnerA.PostAsync($"{signups}/{first}/cancel", null));
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var two = await partnerA.PostAsJsonAsync(signups, Clients(("Piet", "K-104"), ("Fatma", "K-105")));
        Assert.Equal(HttpStatusCode.Created, two.StatusCode);

        // The coordinator's list shows the partner's clients among the sign-ups, marked as the partner's.
        var all = (await Ok(_coordinator.GetAsync(signups.Replace("partner-signups", "signups") + "?status=confirmed"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, all.Count);
        Assert.All(all, s => Assert.Equal((ggz, "partner"), (s.GetProperty("partnerOrg").GetString(), s.GetProperty("channel").GetString())));
    }

    private async Task<Guid> VolunteerAsync(string talent, string firstName, bool vog = false) =>
        (await Ok(_coordinator.PostAsJsonAsync("/api/matching/volunteers", vog
            ? new { firstName, talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 CD", travelMode = "bike", vogStatus = "valid", vogIssuedOn = (DateOnly?)DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-1)) }
            : new { firstName, talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3701 CD", travelMode = "bike", vogStatus = "none", vogIssuedOn = (DateOnly?)null })))
        .GetProperty("id").GetGuid();

    private Task<HttpResponseMessage> ProposeAsync(Guid requestId, Guid volunteerId, bool asSupervisor = false) =>
        _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId, asSupervisor });

    [Fact]
    public async Task A_business_asks_for_three_volunteers_each_takes_one_place_a_fourth_is_refused_and_a_decline_frees_a_place()
    {
        var talent = $"glas-{Guid.NewGuid():N}"[..20];
        var business = await Ok(_coordinator.PostAsJsonAsync("/api/matching/businesses", new { name = "Bloemenwinkel De Linde", contactPerson = "Fatma Yılmaz", contact = "030 123 4567", postcode = "3701 AB" }));
        var businessId = business.GetProperty("id").GetGuid();
        Assert.Equal("Fatma Yılmaz", (await Ok(_coordinator.GetAsync($"/api/matching/businesses/{businessId}"))).GetProperty("contactPerson").GetString());
        var request = await Ok(_coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3701 AB", places = 3, businessId }));
        var requestId = request.GetProperty("id").GetGuid();
        Assert.Equal((3, businessId), (request.GetProperty("places").GetInt32(), request.GetProperty("businessId").GetGuid()));
        Guid[] volunteers = [await VolunteerAsync(talent, "Ans"), await VolunteerAsync(talent, "Bep"), await VolunteerAsync(talent, "Cor"), await VolunteerAsync(talent, "Dirk")];

        // Four proposals at once for three places: exactly three get a place, each a different one.
        var answers = await Task.WhenAll(volunteers.Select(v => ProposeAsync(requestId, v)));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refused = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("Alle 3 plaatsen", (await refused.ReadAsync<JsonElement>()).GetProperty("detail").GetString());
        var matches = (await Ok(_coordinator.GetAsync($"/api/matching/matches?requestId={requestId}"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], matches.Select(m => m.GetProperty("place").GetInt32()).Order());
        Assert.Equal("proposed", (await Ok(_coordinator.GetAsync($"/api/matching/requests/{requestId}"))).GetProperty("status").GetString());

        // One declines: the request is open again, and the one who was refused now gets that place.
        var declined = matches[0];
        await Ok(_coordinator.PostAsJsonAsync($"/api/matching/matches/{declined.GetProperty("id").GetGuid()}/decline", new { by = "volunteer" }));
        Assert.Equal("open", (await Ok(_coordinator.GetAsync($"/api/matching/requests/{requestId}"))).GetProperty("status").GetString());
        var waiting = volunteers.Single(v => matches.All(m => m.GetProperty("volunteerId").GetGuid() != v));
        var taken = await Ok(ProposeAsync(requestId, waiting));
        Assert.Equal(declined.GetProperty("place").GetInt32(), taken.GetProperty("place").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await ProposeAsync(requestId, declined.GetProperty("volunteerId").GetGuid())).StatusCode);

        // Filled once all three are active.
        foreach (var match in (await Ok(_coordinator.GetAsync($"/api/matching/matches?requestId={requestId}&status=proposed"))).GetProperty("items").EnumerateArray())
        {
            var id = match.GetProperty("id").GetGuid();
            await Ok(_coordinator.PostAsync($"/api/matching/matches/{id}/introduce", null));
            await Ok(_coordinator.PostAsync($"/api/matching/matches/{id}/activate", null));
        }
        Assert.Equal("matched", (await Ok(_coordinator.GetAsync($"/api/matching/requests/{requestId}"))).GetProperty("status").GetString());

        // The volunteer's task says which shop asked, and whom to ask for there.
        var task = (await Ok(stack.Volunteer(waiting).GetAsync($"/api/matching/volunteers/{waiting}/tasks"))).GetProperty("items")[0];
        Assert.Equal(("Bloemenwinkel De Linde", "Fatma Yılmaz", 3),
            (task.GetProperty("businessName").GetString(), task.GetProperty("businessContactPerson").GetString(), task.GetProperty("places").GetInt32()));

        // A business that is not there, or a request for a resident and a business at once, is a field error.
        var unknown = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3701 AB", businessId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.ReadAsync<JsonElement>()).GetProperty("errors").TryGetProperty("businessId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3701 AB", businessId, residentId = Guid.NewGuid() })).StatusCode);
    }

    [Fact]
    public async Task A_supervised_job_keeps_a_place_for_one_supervisor_with_a_vog_and_counts_the_day_activity_participants_without_matching_them()
    {
        var talent = $"plant-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.BadRequest, (await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3701 AB", participants = 4 })).StatusCode);
        var request = await Ok(_coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3701 AB", places = 2, supervised = true, participants = 4 }));
        var requestId = request.GetProperty("id").GetGuid();
        Assert.Equal((true, 4), (request.GetProperty("supervised").GetBoolean(), request.GetProperty("participants").GetInt32()));
        var helper = await VolunteerAsync(talent, "Henk");
        var other = await VolunteerAsync(talent, "Ineke");
        var supervisor = await VolunteerAsync(talent, "Marja", vog: true);

        // Without a VOG nobody supervises; a helper takes a place, the last one waits for the supervisor.
        var noVog = await ProposeAsync(requestId, other, asSupervisor: true);
        Assert.Equal(HttpStatusCode.Conflict, noVog.StatusCode);
        Assert.Contains("VOG", (await noVog.ReadAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.False((await Ok(ProposeAsync(requestId, helper))).GetProperty("supervisor").GetBoolean());
        var last = await ProposeAsync(requestId, other);
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("begeleider", (await last.ReadAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.True((await Ok(ProposeAsync(requestId, supervisor, asSupervisor: true))).GetProperty("supervisor").GetBoolean());
        Assert.Equal("proposed", (await Ok(_coordinator.GetAsync($"/api/matching/requests/{requestId}"))).GetProperty("status").GetString());
        Assert.Equal(2, (await Ok(_coordinator.GetAsync($"/api/matching/matches?requestId={requestId}"))).GetProperty("totalCount").GetInt64());

        // The supervisor's task says so, with the number of participants who come along.
        var task = (await Ok(stack.Volunteer(supervisor).GetAsync($"/api/matching/volunteers/{supervisor}/tasks"))).GetProperty("items")[0];
        Assert.Equal((true, 4), (task.GetProperty("supervisor").GetBoolean(), task.GetProperty("participants").GetInt32()));
    }
}
