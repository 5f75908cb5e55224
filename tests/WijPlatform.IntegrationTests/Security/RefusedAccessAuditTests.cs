using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// NEN 7513 logs attempts too: a read of a resident's data that is refused, for want of a token, of
/// the role or of the record, is a line in the audit trail like a read that succeeds.
/// </summary>
public sealed class RefusedAccessAuditTests(StackFixture stack)
{
    private async Task<Guid> ResidentAsync() =>
        (await new IntakeApi(stack).RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Geertje", "Bos")).GetProperty("id").GetGuid();

    private async Task<List<(string Actor, string Outcome, string Endpoint)>> LinesAsync(string database, string sql, params object[] values)
    {
        await using var db = await stack.OpenDatabaseAsync(database);
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        var lines = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return lines;
    }

    [Fact]
    public async Task A_read_refused_for_the_role_is_audited_and_shows_in_the_residents_access_log()
    {
        var resident = await ResidentAsync();
        using var volunteer = stack.As("volunteer", new Dictionary<string, string> { ["name"] = "Nieuwsgierige vrijwilliger", ["volunteer_id"] = Guid.NewGuid().ToString() }, subject: "curious-volunteer");
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/intake/residents/{resident}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/intake/residents/{resident}/consents")).StatusCode);

        var lines = await LinesAsync("intakedb",
            "SELECT actor, outcome, endpoint FROM audit_log WHERE $1 = ANY(resident_ids) AND action = 'read' ORDER BY id", resident);
        Assert.Contains(("curious-volunteer", "403", "GET /api/intake/residents/{id:guid}"), lines);
        Assert.Contains(("curious-volunteer", "403", "GET /api/intake/residents/{residentId:guid}/consents/"), lines);

        using var desk = stack.Desk();
        var log = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{resident}/access-log?pageSize=100");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), l => l.GetProperty("actorName").GetString() == "Nieuwsgierige vrijwilliger" && l.GetProperty("outcome").GetString() == "403");
    }

    [Fact]
    public async Task A_read_without_a_token_is_audited_by_the_service_and_by_the_gateway()
    {
        var resident = await ResidentAsync();
        using var direct = stack.Direct("intake");
        direct.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"/api/intake/residents/{resident}")).StatusCode);
        Assert.Contains(("anonymous", "401", "GET /api/intake/residents/{id:guid}"),
            await LinesAsync("intakedb", "SELECT actor, outcome, endpoint FROM audit_log WHERE $1 = ANY(resident_ids) ORDER BY id", resident));

        using var anonymous = stack.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/intake/residents/{resident}/consents?name=nobody")).StatusCode);
        var atGateway = await LinesAsync("gatewaydb", "SELECT actor, outcome, endpoint FROM audit_log WHERE record_type = 'request' AND endpoint = $1", $"GET /api/intake/residents/{resident}/consents");
        Assert.Contains(("anonymous", "401", $"GET /api/intake/residents/{resident}/consents"), atGateway);
    }

    [Fact]
    public async Task A_read_refused_for_the_record_is_audited()
    {
        var resident = await ResidentAsync();
        using var otherTeam = stack.As("professional", new Dictionary<string, string> { ["team"] = "Zeist West" }, subject: "other-team-consents");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.GetAsync($"/api/intake/residents/{resident}/consents")).StatusCode);
        Assert.Contains(("other-team-consents", "403", "GET /api/intake/residents/{residentId:guid}/consents/"),
            await LinesAsync("intakedb", "SELECT actor, outcome, endpoint FROM audit_log WHERE $1 = ANY(resident_ids) ORDER BY id", resident));
    }
}
