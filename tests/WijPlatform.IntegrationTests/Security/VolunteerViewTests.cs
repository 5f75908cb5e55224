using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.Contracts;
using WijPlatform.IntegrationTests.Cafe;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// A volunteer sees their own work and only what it needs: a round nobody rides yet is nobody's; a
/// deliverer's round carries first names, addresses and what to do, not full names or phone numbers;
/// a volunteer who declines is not told who else could go, nor what the coordinator wrote about them.
/// </summary>
public sealed class VolunteerViewTests(StackFixture stack)
{
    private readonly HttpClient _cafe = stack.Cafe();
    private readonly HttpClient _coordinator = stack.Coordinator();

    private async Task<(Guid Round, Guid Stop)> RoundAsync()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        var resident = await stack.ResidentWithProfileAsync(new { displayName = "Wilhelmina van Dijk", street = "Kastanjelaan", houseNumber = "21" });
        Assert.Equal(HttpStatusCode.Created, (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = resident, fulfilment = "delivery", specialRequest = "Aanbellen bij de achterdeur" })).StatusCode);
        var round = (await (await _cafe.PostAsJsonAsync("/api/cafe/rounds", new { date })).ReadAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        var stop = (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("stops")[0].GetProperty("id").GetGuid();
        return (round, stop);
    }

    [Fact]
    public async Task A_round_without_a_deliverer_is_nobodys_a_volunteer_can_neither_read_print_nor_tick_it()
    {
        var (round, stop) = await RoundAsync();
        using var anyVolunteer = stack.Volunteer(Guid.NewGuid(), "Willekeurige vrijwilliger");

        Assert.Equal(HttpStatusCode.Forbidden, (await anyVolunteer.GetAsync($"/api/cafe/rounds/{round}")).StatusCode);
        var print = await anyVolunteer.GetAsync($"/api/cafe/rounds/{round}/print");
        Assert.Equal(HttpStatusCode.Forbidden, print.StatusCode);
        Assert.DoesNotContain("Kastanjelaan", await print.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await anyVolunteer.PostAsJsonAsync($"/api/cafe/rounds/{round}/stops/{stop}/events", new { @event = "delivered" })).StatusCode);
        Assert.Equal("pending", (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("stops")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_deliverer_sees_first_names_addresses_and_instructions_and_no_other_volunteer_sees_the_round()
    {
        var (round, stop) = await RoundAsync();
        var deliverer = Guid.NewGuid();
        await stack.PublishThroughOutboxAsync("matchingdb", new DelivererAssigned(round, deliverer, "Anouk"));
        await StackFixture.EventuallyAsync(async () =>
            (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("round").GetProperty("status").GetString() == "assigned");

        using var anouk = stack.Volunteer(deliverer, "Anouk");
        var seen = await anouk.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}");
        var herStop = Assert.Single(seen.GetProperty("stops").EnumerateArray());
        Assert.Equal(("Wilhelmina", "Kastanjelaan", "21", "Aanbellen bij de achterdeur"),
            (herStop.GetProperty("residentName").GetString(), herStop.GetProperty("street").GetString(), herStop.GetProperty("houseNumber").GetString(), herStop.GetProperty("specialRequest").GetString()));
        Assert.False(string.IsNullOrEmpty(herStop.GetProperty("instruction").GetString()));
        foreach (var hidden in new[] { "residentId", "phone", "emergencyContactName", "emergencyContactPhone" })
        {
            Assert.Equal(JsonValueKind.Null, herStop.GetProperty(hidden).ValueKind);
        }
        var print = await anouk.GetStringAsync($"/api/cafe/rounds/{round}/print");
        Assert.Contains("Kastanjelaan 21", print);
        foreach (var hidden in new[] { "van Dijk", "030-1234567", "06-12345678", "Dochter" })
        {
            Assert.DoesNotContain(hidden, print);
        }
        var ticked = await anouk.PostAsJsonAsync($"/api/cafe/rounds/{round}/stops/{stop}/events", new { @event = "no-answer" });
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ticked.ReadAsync<JsonElement>()).GetProperty("phone").ValueKind);
        // The café, who calls the resident and her contact, still sees the numbers.
        Assert.Equal("030-1234567", (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{round}")).GetProperty("stops")[0].GetProperty("phone").GetString());

        using var other = stack.Volunteer(Guid.NewGuid(), "Andere vrijwilliger");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/cafe/rounds/{round}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/cafe/rounds/{round}/stops/{stop}/events", new { @event = "resident-reached" })).StatusCode);
    }

    private async Task<Guid> VolunteerAsync(string firstName, string talent)
    {
        var response = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName, talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "3705 AB", street = "Brugakker", travelMode = "bike",
            availability = new[] { new { day = "tuesday", from = "13:00", until = "17:00" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<(Guid Match, Guid Volunteer)> ProposedMatchAsync(string talent)
    {
        var kees = await VolunteerAsync("Kees", talent);
        await VolunteerAsync("Joke", talent);
        var request = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "3705 CD", weeklyDay = "tuesday", weeklyFrom = "14:00", firstName = "Riet", street = "Lindenlaan" });
        var requestId = (await request.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var proposed = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId = kees });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        return ((await proposed.ReadAsync<JsonElement>()).GetProperty("id").GetGuid(), kees);
    }

    [Fact]
    public async Task A_volunteer_who_declines_is_not_told_who_else_could_go()
    {
        var (match, kees) = await ProposedMatchAsync($"decline-{Guid.NewGuid():N}"[..20]);
        using var volunteer = stack.Volunteer(kees, "Kees");

        var declined = await volunteer.PostAsJsonAsync($"/api/matching/matches/{match}/decline", new { by = "volunteer" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var body = await declined.ReadAsync<JsonElement>();
        Assert.Equal("declined", body.GetProperty("match").GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("nextCandidates").GetArrayLength());
        Assert.DoesNotContain("Joke", body.GetRawText());
    }

    [Fact]
    public async Task A_volunteer_does_not_see_what_the_coordinator_wrote_about_their_match_and_another_volunteer_not_the_match()
    {
        var (match, kees) = await ProposedMatchAsync($"notes-{Guid.NewGuid():N}"[..20]);
        await _coordinator.PostAsync($"/api/matching/matches/{match}/introduce", null);
        await _coordinator.PostAsync($"/api/matching/matches/{match}/activate", null);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsJsonAsync($"/api/matching/matches/{match}/evaluate", new { notes = "Kees is wat ongeduldig met mevrouw." })).StatusCode);
        Assert.Equal("Kees is wat ongeduldig met mevrouw.", (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches/{match}")).GetProperty("evaluation").GetString());

        using var volunteer = stack.Volunteer(kees, "Kees");
        var own = await volunteer.GetAsync($"/api/matching/matches/{match}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var text = await own.Content.ReadAsStringAsync();
        Assert.DoesNotContain("ongeduldig", text);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(text).RootElement.GetProperty("evaluation").ValueKind);

        using var other = stack.Volunteer(Guid.NewGuid(), "Andere vrijwilliger");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/matching/matches/{match}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/matching/matches/{match}/hours", new { day = DateOnly.FromDateTime(DateTime.UtcNow), hours = 1 })).StatusCode);
    }
}
