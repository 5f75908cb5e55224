using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static WijPlatform.IntegrationTests.Calendar.CalendarKit;

namespace WijPlatform.IntegrationTests.Calendar;

/// <summary>Residents propose activities; staff approve (it becomes an activity) or decline with a reason.</summary>
public sealed class ProposalTests(StackFixture stack)
{
    private readonly HttpClient _coordinator = stack.Coordinator();
    private readonly HttpClient _desk = stack.Desk();

    private async Task<Guid> ProposeAsync(string title)
    {
        var response = await _desk.PostAsJsonAsync("/api/calendar/proposals", new
        {
            title, description = "Samen breien en kletsen, wol is er.", category = "crafts", proposedBy = "Mevrouw K.", phone = "06-87654321", suggestedTime = "dinsdagmiddag",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task An_approved_proposal_becomes_a_residents_activity_once()
    {
        var id = await ProposeAsync("Breiclub");
        var monday = RandomMonday();
        var approval = new { title = "Breiclub", description = "Samen breien en kletsen.", category = "crafts", room = UniqueRoom(), startsAt = At(monday.AddDays(1), 14), endsAt = At(monday.AddDays(1), 16), capacity = 10 };

        var approved = await _coordinator.PostAsJsonAsync($"/api/calendar/proposals/{id}/approve", approval);
        Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        var activity = await approved.ReadAsync<JsonElement>();
        Assert.Equal("resident", activity.GetProperty("organiserKind").GetString());

        var proposal = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/proposals/{id}");
        Assert.Equal("approved", proposal.GetProperty("status").GetString());
        Assert.Equal(activity.GetProperty("id").GetGuid(), proposal.GetProperty("activityId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.GetAsync($"/api/calendar/activities/{activity.GetProperty("id").GetGuid()}")).StatusCode);

        var again = await _coordinator.PostAsJsonAsync($"/api/calendar/proposals/{id}/approve", approval with { room = UniqueRoom() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_declined_proposal_keeps_its_reason_and_cannot_be_approved_afterwards()
    {
        var id = await ProposeAsync("Vuurwerkworkshop");
        var declined = await _coordinator.PostAsJsonAsync($"/api/calendar/proposals/{id}/decline", new { reason = "Niet veilig in het wijkcentrum." });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("Niet veilig in het wijkcentrum.", (await declined.ReadAsync<JsonElement>()).GetProperty("declineReason").GetString());

        var list = await _coordinator.GetFromJsonAsync<JsonElement>("/api/calendar/proposals?status=declined&pageSize=100");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        var noReason = await _coordinator.PostAsJsonAsync($"/api/calendar/proposals/{id}/decline", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var monday = RandomMonday();
        var approve = await _coordinator.PostAsJsonAsync($"/api/calendar/proposals/{id}/approve", new { title = "X", category = "crafts", startsAt = At(monday, 14), endsAt = At(monday, 15), capacity = 5 });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
    }

    [Fact]
    public async Task Approving_into_a_taken_room_is_a_409_and_leaves_the_proposal_open()
    {
        var room = UniqueRoom();
        var monday = RandomMonday();
        await CreateAsync(_coordinator, Games(room, At(monday, 14)));
        var id = await ProposeAsync("Schilderclub");
        var response = await _coordinator.PostAsJsonAsync($"/api/calendar/proposals/{id}/approve", new { title = "Schilderclub", category = "crafts", room, startsAt = At(monday, 15), endsAt = At(monday, 17), capacity = 6 });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("proposed", (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/proposals/{id}")).GetProperty("status").GetString());
    }
}
