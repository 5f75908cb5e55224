namespace WijPlatform.IntegrationTests.Security;

/// <summary>NEN 7513: every read and change of a resident's data is on an audit trail nobody can quietly alter.</summary>
public sealed class AuditTrailTests(StackFixture stack)
{
    [Fact]
    public async Task The_desk_can_show_a_resident_who_read_and_changed_their_file()
    {
        var intake = new IntakeApi(stack);
        var resident = (await intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber())).GetProperty("id").GetGuid();
        using var nurse = stack.As("professional", new Dictionary<string, string> { ["team"] = "Groningen Centrum", ["name"] = "Wijkverpleegkundige Ria" }, subject: "ria");
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync($"/api/intake/residents/{resident}")).StatusCode);
        using var desk = stack.As("desk", new Dictionary<string, string> { ["name"] = "Baliemedewerker Piet", ["on_behalf_of"] = $"resident:{resident}" }, subject: "piet");

        var log = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{resident}/access-log?pageSize=50");
        var lines = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("actorName").GetString() == "Wijkverpleegkundige Ria" && l.GetProperty("role").GetString() == "professional"
                                    && l.GetProperty("action").GetString() == "read" && l.GetProperty("outcome").GetString() == "200");
        Assert.Contains(lines, l => l.GetProperty("action").GetString() == "change" && l.GetProperty("outcome").GetString() == "201");

        // Looking at the access log is itself on it, with on whose behalf.
        await using var db = await stack.OpenDatabaseAsync("intakedb");
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit_log WHERE record_type = 'access-log' AND actor = 'piet' AND on_behalf_of = $1 AND $2 = ANY(resident_ids)", db)
        {
            Parameters = { new() { Value = $"resident:{resident}" }, new() { Value = resident } },
        };
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_change_is_audited_in_its_own_transaction_and_a_refused_read_is_audited_too()
    {
        var intake = new IntakeApi(stack);
        var postcode = IntakeApi.UniquePostcode();
        var resident = (await intake.RegisterResidentAsync(postcode, IntakeApi.UniqueHouseNumber())).GetProperty("id").GetGuid();
        var caseId = await intake.RegisterCaseAsync(resident, postcode);
        await intake.PostOkAsync($"/api/intake/cases/{caseId}/notes", new { text = "Gesprek gehad." });
        using var otherTeam = stack.As("professional", new Dictionary<string, string> { ["team"] = "Zeist West" }, subject: "other-team");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTeam.GetAsync($"/api/intake/cases/{caseId}")).StatusCode);

        await using var db = await stack.OpenDatabaseAsync("intakedb");
        await using var command = new NpgsqlCommand("SELECT action, outcome FROM audit_log WHERE record_type = 'case' AND record_id = $1 ORDER BY id", db)
        {
            Parameters = { new() { Value = caseId.ToString() } },
        };
        var lines = new List<(string Action, string Outcome)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Contains(("change", "committed"), lines);
        Assert.Contains(("read", "403"), lines);
    }

    [Fact]
    public async Task The_service_cannot_alter_its_audit_trail_and_tampering_by_anyone_else_shows()
    {
        var intake = new IntakeApi(stack);
        await intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber());

        // As the service's own database role: adding and reading are allowed, changing and removing are not.
        var asService = stack.ConnectionStringAs("intakedb", "app");
        await using (var service = new NpgsqlConnection(asService))
        {
            await service.OpenAsync();
            foreach (var sql in new[] { "UPDATE audit_log SET actor_name = 'niemand' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1", "TRUNCATE audit_log" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(async () => await new NpgsqlCommand(sql, service).ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }

        using var operatorClient = stack.As("operator");
        var before = await operatorClient.GetFromJsonAsync<JsonElement>("/api/intake/admin/audit/verify");
        Assert.True(before.GetProperty("intact").GetBoolean());
        Assert.True(before.GetProperty("lines").GetInt64() > 0);

        // Someone with the database's superuser password rewrites a line; the chain shows where.
        await using var db = await stack.OpenDatabaseAsync("intakedb");
        var target = (long)(await new NpgsqlCommand("SELECT id FROM audit_log ORDER BY id OFFSET (SELECT count(*) / 2 FROM audit_log) LIMIT 1", db).ExecuteScalarAsync())!;
        var original = (string?)await new NpgsqlCommand($"SELECT actor_name FROM audit_log WHERE id = {target}", db).ExecuteScalarAsync();
        await new NpgsqlCommand($"UPDATE audit_log SET actor_name = 'iemand anders' WHERE id = {target}", db).ExecuteNonQueryAsync();
        try
        {
            var after = await operatorClient.GetFromJsonAsync<JsonElement>("/api/intake/admin/audit/verify");
            Assert.False(after.GetProperty("intact").GetBoolean());
            Assert.Equal(target, after.GetProperty("firstBrokenLine").GetInt64());
        }
        finally
        {
            await using var restore = new NpgsqlCommand($"UPDATE audit_log SET actor_name = $1 WHERE id = {target}", db) { Parameters = { new() { Value = (object?)original ?? DBNull.Value } } };
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await operatorClient.GetFromJsonAsync<JsonElement>("/api/intake/admin/audit/verify")).GetProperty("intact").GetBoolean());
    }
}
