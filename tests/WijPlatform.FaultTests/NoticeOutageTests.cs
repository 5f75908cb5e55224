using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.FaultTests;

/// <summary>
/// RabbitMQ is killed while residents are registered and told they moved up a waiting list, and while
/// volunteers whose VOG is about to expire are registered: after it returns every resident and every
/// volunteer has exactly one notice in their way (the desk's call list; a text message or the
/// coordinator's list), whatever arrived first.
/// </summary>
public sealed class NoticeOutageTests
{
    private const int Residents = 12;

    [Fact]
    public async Task Every_resident_and_volunteer_gets_exactly_one_notice_in_their_way_after_the_broker_returns()
    {
        await using var stack = await FaultStack.StartAsync();
        var notices = FaultInfrastructure.Shared.Resource("notices");
        await FaultStack.RestartAsync(notices);
        try
        {
            var residents = new List<Guid>();
            var volunteers = new List<Guid>();
            for (var i = 0; i < Residents; i++)
            {
                if (i == Residents / 2)
                {
                    await stack.Broker.KillAsync();
                }
                var resident = await RegisterAsync(stack, i);
                residents.Add(resident);
                // The calendar's promotion of the same resident (its relay is stood in for by intake's,
                // which publishes whatever its outbox holds): during the outage it waits there too.
                await stack.ExecuteAsync("intakedb",
                    $$"""
                      INSERT INTO outbox_messages (id, message_type, body) VALUES ('{{Guid.NewGuid()}}', 'WijPlatform.Contracts.SignupPromoted, WijPlatform.Contracts',
                        '{"referralId":null,"signupId":"{{Guid.NewGuid()}}","activityId":"{{Guid.NewGuid()}}","occurrenceStart":"2031-03-03T13:00:00+00:00","residentId":"{{resident}}","activityTitle":"Spelmiddag"}')
                      """);
                // A volunteer whose VOG expires within the warning period: matching warns at registration.
                volunteers.Add(await RegisterVolunteerAsync(stack, i));
            }
            Assert.True(await stack.CountAsync("intakedb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") > 0, "messages should wait in the outbox while the broker is down");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await FaultStack.RestartAsync(stack.Broker);

            var ids = string.Join(",", residents.Select(r => $"'{r}'"));
            var volunteerIds = string.Join(",", volunteers.Select(v => $"'{v}'"));
            try
            {
                // A broker killed under load replays its quorum queues before the services reconnect: minutes on a loaded machine.
                await FaultStack.EventuallyAsync(
                    async () => await stack.CountAsync("noticesdb", $"SELECT count(*) FROM notices WHERE way = 'call' AND resident_id IN ({ids})") == Residents,
                    TimeSpan.FromSeconds(180), "every resident's notice is on the call list");
                await FaultStack.EventuallyAsync(
                    async () => await stack.CountAsync("noticesdb", $"SELECT count(*) FROM notices WHERE (way = 'call' OR sent_at IS NOT NULL) AND volunteer_id IN ({volunteerIds})") == Residents,
                    TimeSpan.FromSeconds(180), "every volunteer's notice is sent or on the coordinator's list");
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException(
                    $"{ex.Message}: {await stack.CountAsync("noticesdb", "SELECT count(*) FROM recipients")} recipients, " +
                    $"{await stack.CountAsync("noticesdb", "SELECT count(*) FROM notices")} notices, " +
                    $"{await stack.CountAsync("intakedb", "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")} messages waiting in intake's outbox", ex);
            }
            Assert.Equal(Residents, await stack.CountAsync("noticesdb", $"SELECT count(DISTINCT resident_id) FROM notices WHERE resident_id IN ({ids})"));
            Assert.Equal(Residents, await stack.CountAsync("noticesdb", $"SELECT count(DISTINCT volunteer_id) FROM notices WHERE volunteer_id IN ({volunteerIds})"));
            Assert.Equal(Residents / 2, await stack.CountAsync("noticesdb", $"SELECT count(*) FROM notices WHERE way = 'sms' AND volunteer_id IN ({volunteerIds})"));
            Assert.Equal(2 * Residents, await stack.CountAsync("noticesdb", "SELECT count(*) FROM notices"));
            Assert.Equal(0, await stack.CountAsync("noticesdb", "SELECT count(*) FROM notices WHERE way IS NULL"));
        }
        finally
        {
            await notices.StopAsync();
        }
    }

    /// <summary>Every other volunteer wants a text message; the others hear it from the coordinator.</summary>
    private static async Task<Guid> RegisterVolunteerAsync(FaultStack stack, int i)
    {
        using var response = await stack.MatchingApi.PostAsJsonAsync("/api/matching/volunteers", new
        {
            firstName = $"Vrijwilliger {i}",
            talents = new[] { "walk" },
            postcode = "9712 HW",
            travelMode = "bike",
            vogStatus = "valid",
            vogIssuedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3).AddDays(10),
            preferredContact = i % 2 == 0 ? "sms" : null,
            phone = $"06 1000 00{i:00}",
        });
        Assert.True(response.IsSuccessStatusCode, $"volunteer {i} was answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> RegisterAsync(FaultStack stack, int i)
    {
        using var response = await stack.IntakeApi.PostAsJsonAsync("/api/intake/residents", new
        {
            firstName = "Bewoner",
            lastName = $"Nummer {i}",
            dateOfBirth = "1940-01-01",
            postcode = "9712 HW",
            houseNumber = $"{i + 1}",
            phone = "050 123 4567",
            preferredContact = "phone",
        });
        Assert.True(response.IsSuccessStatusCode, $"resident {i} was answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
