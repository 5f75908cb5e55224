using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Cafe;

public sealed class WaitlistAndRoundFlowTests(StackFixture stack)
{
    private readonly HttpClient _cafe = stack.Cafe();
    private readonly HttpClient _desk = stack.Desk();
    private readonly HttpClient _coordinator = stack.Coordinator();

    [Fact]
    public async Task A_cancellation_gives_the_portion_to_the_first_waiting_resident_and_the_desk_gets_a_notice_to_tell_them()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 1);
        var first = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = "Eerste", fulfilment = "eat-in" })).ReadAsync<JsonElement>();
        var waiting = await stack.ResidentWithProfileAsync(new { phone = "030-5550001" });
        var later = await stack.ResidentWithProfileAsync(new { phone = "030-5550002" });
        var waitingOrder = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = waiting, fulfilment = "delivery", joinWaitingList = true })).ReadAsync<JsonElement>();
        var laterOrder = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentId = later, fulfilment = "eat-in", joinWaitingList = true })).ReadAsync<JsonElement>();
        Assert.Equal("waitlisted", waitingOrder.GetProperty("status").GetString());
        Assert.Empty((await _desk.GetFromJsonAsync<JsonElement>($"/api/cafe/waiting-list/notices?date={date:yyyy-MM-dd}")).GetProperty("items").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await _cafe.PostAsync($"/api/cafe/orders/{first.GetProperty("id").GetGuid()}/cancel", null)).StatusCode);

        Assert.Equal("placed", (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders/{waitingOrder.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());
        Assert.Equal("waitlisted", (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders/{laterOrder.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());
        var open = (await _desk.GetFromJsonAsync<JsonElement>($"/api/cafe/waiting-list/notices?date={date:yyyy-MM-dd}&open=true")).GetProperty("items");
        var notice = Assert.Single(open.EnumerateArray());
        Assert.Equal((waiting, "030-5550001"), (notice.GetProperty("residentId").GetGuid(), notice.GetProperty("phone").GetString()));
        Assert.Contains("bezorgen", notice.GetProperty("message").GetString());
        // The resident's app shows the same notice.
        Assert.Single((await _desk.GetFromJsonAsync<JsonElement>($"/api/cafe/waiting-list/notices?residentId={waiting}")).GetProperty("items").EnumerateArray());

        var noticeId = notice.GetProperty("id").GetGuid();
        var told = await _desk.PostAsJsonAsync($"/api/cafe/waiting-list/notices/{noticeId}/told", new { toldBy = "Ans (balie)" });
        Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        Assert.Equal("Ans (balie)", (await told.ReadAsync<JsonElement>()).GetProperty("toldBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _desk.PostAsJsonAsync($"/api/cafe/waiting-list/notices/{noticeId}/told", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.PostAsJsonAsync($"/api/cafe/waiting-list/notices/{Guid.NewGuid()}/told", new { })).StatusCode);
        Assert.Empty((await _desk.GetFromJsonAsync<JsonElement>($"/api/cafe/waiting-list/notices?date={date:yyyy-MM-dd}&open=true")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task When_the_kitchen_makes_more_portions_the_waiting_list_moves_up_in_order()
    {
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 1);
        Assert.Equal(HttpStatusCode.Created, (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = "Eerste", fulfilment = "eat-in" })).StatusCode);
        var waiting = new List<Guid>();
        foreach (var name in new[] { "Tweede", "Derde", "Vierde" })
        {
            var order = await (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = name, fulfilment = "pick-up", joinWaitingList = true })).ReadAsync<JsonElement>();
            waiting.Add(order.GetProperty("id").GetGuid());
        }
        var fewer = await _cafe.PutAsJsonAsync($"/api/cafe/menus/{date:yyyy-MM-dd}/portions", new { portions = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, fewer.StatusCode);

        var more = await _cafe.PutAsJsonAsync($"/api/cafe/menus/{date:yyyy-MM-dd}/portions", new { portions = 3 });
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var menu = await more.ReadAsync<JsonElement>();
        Assert.Equal((3, 0, true), (menu.GetProperty("portions").GetInt32(), menu.GetProperty("portionsLeft").GetInt32(), menu.GetProperty("soldOut").GetBoolean()));
        var statuses = new List<string?>();
        foreach (var id in waiting)
        {
            statuses.Add((await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/orders/{id}")).GetProperty("status").GetString());
        }
        Assert.Equal(["placed", "placed", "waitlisted"], statuses);
        var notices = (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/waiting-list/notices?date={date:yyyy-MM-dd}&open=true")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(waiting[..2].Order(), notices.Select(n => n.GetProperty("orderId").GetGuid()).Order());
        Assert.All(notices, n => Assert.Contains("ophalen", n.GetProperty("message").GetString()));
    }

    private async Task<JsonElement> RoundAsync(Guid roundId) =>
        (await _cafe.GetFromJsonAsync<JsonElement>($"/api/cafe/rounds/{roundId}")).GetProperty("round");

    private async Task<JsonElement> EventuallyRoundAsync(Guid roundId, string status)
    {
        await StackFixture.EventuallyAsync(async () => (await RoundAsync(roundId)).GetProperty("status").GetString() == status);
        return await RoundAsync(roundId);
    }

    [Fact]
    public async Task A_round_gets_its_deliverer_from_the_real_matching_service_through_proposal_decline_and_confirmation()
    {
        var names = new[] { $"Bezorger{Random.Shared.Next(100000)}", $"Fietser{Random.Shared.Next(100000)}" };
        var ours = new List<(Guid Id, string Name)>();
        foreach (var name in names)
        {
            var volunteer = await _coordinator.PostAsJsonAsync("/api/matching/volunteers", new { firstName = name, talents = new[] { "meal-delivery" }, postcode = "3705 AB", travelMode = "bike" });
            Assert.Equal(HttpStatusCode.Created, volunteer.StatusCode);
            ours.Add(((await volunteer.ReadAsync<JsonElement>()).GetProperty("id").GetGuid(), name));
        }
        var date = CafeClient.FreshFutureDate();
        await stack.PublishMenuAsync(date, 10);
        foreach (var number in new[] { "5", "9" })
        {
            Assert.Equal(HttpStatusCode.Created, (await _cafe.PostAsJsonAsync("/api/cafe/orders", new { date, residentName = $"Bewoner {number}", fulfilment = "delivery", street = "Lindenlaan", houseNumber = number, postcode = "3705 AB" })).StatusCode);
        }
        var roundId = (await (await _cafe.PostAsJsonAsync("/api/cafe/rounds", new { date })).ReadAsync<JsonElement>())[0].GetProperty("id").GetGuid();
        Assert.Equal("awaiting-deliverer", (await RoundAsync(roundId)).GetProperty("status").GetString());

        // The café's request reaches matching; a clear best deliverer is proposed at once, otherwise the coordinator picks ours.
        await StackFixture.EventuallyGetAsync(_coordinator, $"/api/matching/requests/{roundId}");
        async Task<JsonElement> ProposeAsync(Guid volunteerId)
        {
            var proposed = await _coordinator.PostAsJsonAsync($"/api/matching/requests/{roundId}/proposals", new { volunteerId });
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
            return await proposed.ReadAsync<JsonElement>();
        }
        var automatic = (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/matching/matches?requestId={roundId}")).GetProperty("items");
        var first = automatic.GetArrayLength() == 1 ? automatic[0] : await ProposeAsync(ours[0].Id);
        var firstVolunteer = first.GetProperty("volunteerId").GetGuid();

        var proposedRound = await EventuallyRoundAsync(roundId, "deliverer-proposed");
        Assert.Equal(firstVolunteer, proposedRound.GetProperty("volunteerId").GetGuid());
        Assert.Contains("nog niet bevestigd", await _cafe.GetStringAsync($"/api/cafe/rounds/{roundId}/print"));

        // The asked deliverer cannot come: the round waits again, and the coordinator asks the other.
        using (var asked = stack.Volunteer(firstVolunteer))
        {
            Assert.Equal(HttpStatusCode.OK, (await asked.PostAsJsonAsync($"/api/matching/matches/{first.GetProperty("id").GetGuid()}/decline", new { by = "volunteer" })).StatusCode);
        }
        var waitingAgain = await EventuallyRoundAsync(roundId, "awaiting-deliverer");
        Assert.Equal(JsonValueKind.Null, waitingAgain.GetProperty("volunteerFirstName").ValueKind);

        var (secondId, secondName) = ours.First(v => v.Id != firstVolunteer);
        var second = await ProposeAsync(secondId);
        Assert.Equal(secondName, (await EventuallyRoundAsync(roundId, "deliverer-proposed")).GetProperty("volunteerFirstName").GetString());
        var matchId = second.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/introduce", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _coordinator.PostAsync($"/api/matching/matches/{matchId}/activate", null)).StatusCode);

        var assigned = await EventuallyRoundAsync(roundId, "assigned");
        Assert.Equal((secondId, secondName), (assigned.GetProperty("volunteerId").GetGuid(), assigned.GetProperty("volunteerFirstName").GetString()));
        var print = await _cafe.GetStringAsync($"/api/cafe/rounds/{roundId}/print");
        Assert.Contains($"Bezorger: {secondName}.", print);
        // The deliverer sees the round as a task: the street, never the residents' case.
        using var deliverer = stack.Volunteer(secondId, secondName);
        var tasks = await AllPages.ItemsAsync(deliverer, $"/api/matching/volunteers/{secondId}/tasks");
        Assert.Equal("meal-delivery", Assert.Single(tasks, t => t.GetProperty("matchId").GetGuid() == matchId).GetProperty("talent").GetString());
    }
}
