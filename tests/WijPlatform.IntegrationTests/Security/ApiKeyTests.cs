namespace WijPlatform.IntegrationTests.Security;

/// <summary>A partner system's key: issued once, stored as a hash, limited to its organisation, revocable.</summary>
public sealed class ApiKeyTests(StackFixture stack)
{
    private async Task<(string Key, Guid Id)> IssueAsync(string organisation)
    {
        var response = await stack.Gateway.PostAsJsonAsync("/api/gateway/api-keys", new { partnerOrg = organisation, role = "partner", description = "signalen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<JsonElement>();
        return (created.GetProperty("key").GetString()!, created.GetProperty("info").GetProperty("id").GetGuid());
    }

    private static HttpClient WithKey(StackFixture stack, string key)
    {
        var client = stack.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task A_partner_key_submits_signals_sees_only_its_own_and_stops_working_when_revoked()
    {
        var cleaner = $"Schoonmaak {Guid.NewGuid():N}"[..24];
        var (key, id) = await IssueAsync(cleaner);
        var (otherKey, _) = await IssueAsync($"Thuiszorg {Guid.NewGuid():N}"[..24]);
        using var partner = WithKey(stack, key);
        using var other = WithKey(stack, otherKey);

        // The body names another organisation; the key decides whose signal it is.
        var submitted = await partner.PostAsJsonAsync("/api/intake/signals", new { partner = "Someone Else", postcode = "9712 HW", houseNumber = "12", concern = "Mevrouw lijkt vereenzaamd." });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var signal = await submitted.ReadAsync<JsonElement>();
        Assert.Equal(cleaner, signal.GetProperty("partner").GetString());
        var signalPath = $"/api/intake/signals/{signal.GetProperty("id").GetGuid()}";

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(signalPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(signalPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/intake/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/intake/residents?name=Jansen")).StatusCode);

        // Only the hash is stored; the key itself appears nowhere in the gateway's database.
        await using (var db = await stack.OpenDatabaseAsync("gatewaydb"))
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM api_keys WHERE id = $1 AND length(secret_hash) = 32 AND position(convert_to($2, 'UTF8') IN secret_hash) = 0", db)
            {
                Parameters = { new() { Value = id }, new() { Value = key.Split('_', 3)[2] } },
            };
            Assert.Equal(1L, await command.ExecuteScalarAsync());
            await using var dump = new Npgsql.NpgsqlCommand("SELECT count(*) FROM api_keys WHERE api_keys::text LIKE '%' || $1 || '%'", db) { Parameters = { new() { Value = key.Split('_', 3)[2] } } };
            Assert.Equal(0L, await dump.ExecuteScalarAsync());
        }
        var listed = await stack.Gateway.GetStringAsync("/api/gateway/api-keys?pageSize=100");
        Assert.Contains(id.ToString(), listed);
        Assert.DoesNotContain(key, listed);

        Assert.Equal(HttpStatusCode.NoContent, (await stack.Gateway.DeleteAsync($"/api/gateway/api-keys/{id}")).StatusCode);
        var afterRevoke = await partner.GetAsync(signalPath);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("application/problem+json", afterRevoke.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(stack, key[..^4] + "AAAA").GetAsync(signalPath)).StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_issues_keys()
    {
        using var coordinator = stack.As("coordinator");
        var response = await coordinator.PostAsJsonAsync("/api/gateway/api-keys", new { partnerOrg = "Nep", role = "partner" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var invalid = await stack.Gateway.PostAsJsonAsync("/api/gateway/api-keys", new { partnerOrg = "Nep", role = "admin" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task An_administrators_tool_that_retries_issuing_or_revoking_a_key_with_its_Idempotency_Key_issues_one_key_and_revokes_it_once()
    {
        var organisation = $"Thuiszorg {Guid.NewGuid():N}"[..24];
        var retryKey = Guid.NewGuid().ToString();
        HttpRequestMessage Issue(object body) => new(HttpMethod.Post, "/api/gateway/api-keys")
        {
            Content = JsonContent.Create(body),
            Headers = { { "Idempotency-Key", retryKey } },
        };

        var first = await stack.Gateway.SendAsync(Issue(new { partnerOrg = organisation, role = "partner", description = "signalen" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var issued = (await first.ReadAsync<JsonElement>()).GetProperty("info").GetProperty("id").GetGuid();

        // The answer was lost on the way; the tool sends the same request again: no second key, and it learns which key it made.
        var retried = await stack.Gateway.SendAsync(Issue(new { description = "signalen", role = "partner", partnerOrg = organisation }));
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Equal("application/problem+json", retried.Content.Headers.ContentType?.MediaType);
        var problem = await retried.ReadAsync<JsonElement>();
        Assert.Equal(issued, problem.GetProperty("apiKeyId").GetGuid());
        Assert.DoesNotContain("wij_", await retried.Content.ReadAsStringAsync());

        var other = await stack.Gateway.SendAsync(Issue(new { partnerOrg = organisation, role = "cafe" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);

        var listed = await stack.Gateway.GetFromJsonAsync<JsonElement>("/api/gateway/api-keys?pageSize=100");
        Assert.Single(listed.GetProperty("items").EnumerateArray(), k => k.GetProperty("partnerOrg").GetString() == organisation);

        var revokeKey = Guid.NewGuid().ToString();
        HttpRequestMessage Revoke() => new(HttpMethod.Delete, $"/api/gateway/api-keys/{issued}") { Headers = { { "Idempotency-Key", revokeKey } } };
        Assert.Equal(HttpStatusCode.NoContent, (await stack.Gateway.SendAsync(Revoke())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await stack.Gateway.SendAsync(Revoke())).StatusCode);
        // Without its key a second revocation is told there is no active key.
        Assert.Equal(HttpStatusCode.NotFound, (await stack.Gateway.DeleteAsync($"/api/gateway/api-keys/{issued}")).StatusCode);
    }
}
