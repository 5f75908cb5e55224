using System.Text;
using RabbitMQ.Client;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Recognisable personal data (a name, a valid-format BSN, a diagnosis) goes in through every door
/// and must come out in no log file of the stack and in no error queue.
/// </summary>
public sealed class CanaryTests(StackFixture stack)
{
    private const string Name = "Zwaluwstaart";
    private const string Bsn = "111222333";
    private const string Diagnosis = "Kanariesyndroom";

    private static readonly string[] Canaries = [Name, Bsn, Diagnosis];

    [Fact]
    public async Task Personal_data_never_reaches_a_log_file_or_an_error_queue()
    {
        var intake = new IntakeApi(stack);
        var postcode = IntakeApi.UniquePostcode();
        // The first name travels to matching in the volunteer request, sealed; the last name stays in intake.
        var resident = (await intake.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber(), firstName: Name, lastName: Name)).GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(resident, postcode);
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/notes", new { text = $"BSN {Bsn}; diagnose {Diagnosis}." });
        var household = (await intake.GetAsync($"/api/intake/residents/{resident}")).GetProperty("householdId").GetGuid();
        await intake.PostOkAsync($"/api/intake/households/{household}/plan/concerns", new { description = $"{Diagnosis} bij {Name}" });
        await intake.PostOkAsync($"/api/intake/residents/{resident}/consents", new { purpose = "share-with-volunteer", recipient = "matching" });
        var referral = (await intake.PostOkAsync($"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent = "shopping" })).GetProperty("id").GetGuid();
        using var coordinator = stack.Coordinator();
        using (var cafe = stack.Cafe())
        {
            var saved = await cafe.PutAsJsonAsync($"/api/cafe/residents/{resident}/profile", new { displayName = Name, emergencyContactName = $"{Name} ({Diagnosis})", emergencyContactPhone = Bsn });
            Assert.True(saved.IsSuccessStatusCode, $"café profile: {(int)saved.StatusCode}");
        }
        var direct = await coordinator.PostAsJsonAsync("/api/matching/requests", new { talent = "shopping", postcode, firstName = Name });
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);

        // The unhappy paths, where data tends to leak into error messages: each must be refused for what it is.
        Assert.Equal(HttpStatusCode.BadRequest, (await intake.PostAsync("/api/intake/residents", new
        {
            firstName = Name, lastName = Name, dateOfBirth = "1950-01-01", postcode = $"{Bsn} XX", houseNumber = Bsn, preferredContact = "phone",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await intake.PostAsync("/api/intake/help-requests", new { channel = "desk", domains = new[] { Diagnosis }, description = Bsn, postcode = Bsn })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await intake.DeskAs().GetAsync($"/api/intake/residents?name={Name}&postcode={Bsn}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous().PostAsJsonAsync("/api/intake/residents", new { firstName = Name })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync("/api/matching/requests", new { talent = Name, postcode = Bsn, firstName = Diagnosis })).StatusCode);

        // The referral has been consumed when matching holds its request, with the first name it carried.
        var request = (await StackFixture.EventuallyGetAsync(coordinator, $"/api/matching/requests/{referral}")).Deserialize<VolunteerRequestSeen>(JsonSerializerOptions.Web)!;
        Assert.Equal((referral, Name), (request.Id, request.FirstName));
        var hits = new List<string>();
        foreach (var log in Directory.GetFiles(Path.Combine(stack.Host.StateDirectory, "logs"), "*.log"))
        {
            var text = await ReadSharedAsync(log);
            hits.AddRange(Canaries.Where(c => text.Contains(c, StringComparison.OrdinalIgnoreCase)).Select(c => $"{Path.GetFileName(log)} contains {c}"));
        }
        hits.AddRange(await ErrorQueueHitsAsync());
        Assert.Empty(hits);
    }

    /// <summary>What the coordinator sees of a volunteer request, as far as this test reads it.</summary>
    private sealed record VolunteerRequestSeen(Guid Id, string Talent, string? FirstName);

    private async Task<IEnumerable<string>> ErrorQueueHitsAsync()
    {
        var factory = new ConnectionFactory { Uri = stack.BrokerAddress };
        await using var connection = await factory.CreateConnectionAsync();
        var hits = new List<string>();
        foreach (var service in Operations.Services)
        {
            // Taken without acknowledging; closing the channel returns every message to its queue.
            await using var channel = await connection.CreateChannelAsync();
            while (await channel.BasicGetAsync($"{service}_error", autoAck: false) is { } message)
            {
                var headers = string.Join(" ", (message.BasicProperties.Headers ?? new Dictionary<string, object?>()).Select(h => $"{h.Key}={(h.Value is byte[] b ? Encoding.UTF8.GetString(b) : h.Value)}"));
                var content = Encoding.UTF8.GetString(message.Body.Span) + headers;
                hits.AddRange(Canaries.Where(c => content.Contains(c, StringComparison.OrdinalIgnoreCase)).Select(c => $"{service}_error holds {c}"));
            }
        }
        return hits;
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
