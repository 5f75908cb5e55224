using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Matching;

public sealed class VogAndCheckInTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")));

    private async Task<Guid> VolunteerAsync(object body)
    {
        var response = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>What the volunteer sees of their own warnings.</summary>
    private async Task<List<JsonElement>> WarningsAsync(Guid volunteerId)
    {
        using var volunteer = stack.Volunteer(volunteerId);
        return (await volunteer.GetFromJsonAsync<JsonElement>($"/api/matching/volunteers/{volunteerId}/vog-warnings")).GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_volunteer_is_warned_once_per_expiry_before_their_certificate_of_conduct_expires()
    {
        var expiring = Today.AddYears(-3).AddDays(20);
        var id = await VolunteerAsync(new { firstName = "Gerda", talents = new[] { "home-visit" }, postcode = "9712 HW", travelMode = "bike", vogStatus = "valid", vogIssuedOn = expiring });
        var fresh = await VolunteerAsync(new { firstName = "Kees", talents = new[] { "home-visit" }, postcode = "9712 HW", travelMode = "bike", vogStatus = "valid", vogIssuedOn = Today.AddYears(-1) });

        var warning = Assert.Single(await WarningsAsync(id));
        Assert.Equal($"{expiring.AddYears(3):yyyy-MM-dd}", warning.GetProperty("expiresOn").GetString());
        Assert.Contains($"verloopt op {expiring.AddYears(3):dd-MM-yyyy}", warning.GetProperty("message").GetString());
        Assert.Empty(await WarningsAsync(fresh));
        Assert.Contains(await AllPages.ItemsAsync(_coordinator, "/api/matching/vog-warnings"), w => w.GetProperty("volunteerId").GetGuid() == id);

        // Saving the same certificate again warns no second time; a renewed one is quiet until it nears its own expiry.
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PutAsJsonAsync($"/api/matching/volunteers/{id}/vog", new { status = "valid", issuedOn = expiring })).StatusCode);
        var renewed = await _coordinator.PutAsJsonAsync($"/api/matching/volunteers/{id}/vog", new { status = "valid", issuedOn = Today });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal($"{Today.AddYears(3):yyyy-MM-dd}", (await renewed.ReadAsync<JsonElement>()).GetProperty("vogExpiresOn").GetString());
        Assert.Single(await WarningsAsync(id));

        var invalid = await _coordinator.PutAsJsonAsync($"/api/matching/volunteers/{id}/vog", new { status = "valid" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _coordinator.PutAsJsonAsync($"/api/matching/volunteers/{Guid.NewGuid()}/vog", new { status = "none" })).StatusCode);
    }

    [Fact]
    public async Task After_the_first_meeting_the_coordinator_gets_a_check_in_on_the_to_do_list_and_completes_it()
    {
        var talent = $"t-{Guid.NewGuid():N}"[..20];
        var volunteer = await VolunteerAsync(new { firstName = "Hanneke", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = "9712 HW", travelMode = "bike" });
        var request = await _coordinator.PostAsJsonAsync("/api/matching/requests", new { talent, postcode = "9712 HW", firstName = "Bep" });
        var requestId = (await request.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var proposed = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{requestId}/proposals", new { volunteerId = volunteer });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var matchId = (await proposed.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _coordinator.PostAsync($"/api/matching/matches/{matchId}/introduce", null);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/activate", null)).StatusCode);

        async Task<JsonElement?> OnListAsync() =>
            (await AllPages.ItemsAsync(_coordinator, "/api/matching/check-ins")).Cast<JsonElement?>().SingleOrDefault(c => c!.Value.GetProperty("matchId").GetGuid() == matchId);
        Assert.Null(await OnListAsync());
        var early = await _coordinator.PostAsJsonAsync($"/api/matching/matches/{matchId}/check-in", new { notes = "te vroeg" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        using (var volunteerClient = stack.Volunteer(volunteer))
        {
            Assert.Equal(HttpStatusCode.OK, (await volunteerClient.PostAsJsonAsync($"/api/matching/matches/{matchId}/hours", new { day = Today, hours = 1.5 })).StatusCode);
        }
        var due = await OnListAsync();
        Assert.NotNull(due);
        Assert.Equal(("Hanneke", "Bep", talent), (due.Value.GetProperty("volunteerFirstName").GetString(), due.Value.GetProperty("residentFirstName").GetString(), due.Value.GetProperty("talent").GetString()));
        Assert.True((await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches/{matchId}")).GetProperty("checkInDue").GetBoolean());

        var done = await _coordinator.PostAsJsonAsync($"/api/matching/matches/{matchId}/check-in", new { notes = "Beiden tevreden, volgende week weer.", by = "coördinator Els" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var match = await done.ReadAsync<JsonElement>();
        Assert.False(match.GetProperty("checkInDue").GetBoolean());
        Assert.Equal("Beiden tevreden, volgende week weer.", match.GetProperty("checkInNotes").GetString());
        Assert.Null(await OnListAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await _coordinator.PostAsJsonAsync($"/api/matching/matches/{matchId}/check-in", new { })).StatusCode);
    }
}
