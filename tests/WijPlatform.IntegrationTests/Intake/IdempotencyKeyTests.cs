using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Intake;

/// <summary>
/// Another app that retries a write after a timeout sends the same Idempotency-Key: the write happens
/// once and the retry gets the first answer; the same key with another body is refused; keys are the caller's own.
/// </summary>
public sealed class IdempotencyKeyTests(StackFixture stack)
{
    private readonly IntakeApi _intake = new(stack);

    private static HttpRequestMessage Post(string path, object body, string key) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } };

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotency-Replayed", out var values) && values.Single() == "true";

    [Fact]
    public async Task A_desk_retrying_a_registration_with_its_key_registers_one_resident_and_gets_the_same_answer()
    {
        var desk = _intake.DeskAs();
        var lastName = $"Ëlzinga-{Guid.NewGuid():N}"[..20];
        var resident = new { firstName = "Jörgen", lastName, dateOfBirth = "1950-02-03", postcode = IntakeApi.UniquePostcode(), houseNumber = IntakeApi.UniqueHouseNumber(), street = "Oude Ebbingestraat", city = "Groningen", phone = "050 123 4567", preferredContact = "phone" };
        var key = Guid.NewGuid().ToString();

        var first = await desk.SendAsync(Post("/api/intake/residents", resident, key));
        var retry = await desk.SendAsync(Post("/api/intake/residents", resident, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(Replayed(first));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.True(Replayed(retry));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var id = (await first.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await retry.ReadAsync<JsonElement>()).GetProperty("id").GetGuid());

        var found = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString(lastName)}");
        Assert.Equal([id], found.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray());

        // The same key for another request is the client's mistake, not a retry.
        var other = await desk.SendAsync(Post("/api/intake/residents", resident with { firstName = "Anna" }, key));
        await IntakeApi.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        found = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString(lastName)}");
        Assert.Single(found.GetProperty("items").EnumerateArray());

        // Without the header, as before: a second registration is a second resident.
        Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/api/intake/residents", resident)).StatusCode);
        found = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString(lastName)}");
        Assert.Equal(2, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_retries_of_a_help_request_with_one_key_register_one_case()
    {
        var resident = await _intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Fenna", "Ploeg");
        var household = resident.GetProperty("householdId").GetGuid();
        var question = new { channel = "desk", domains = new[] { "eenzaamheid" }, description = "Meneer wil graag wekelijks wandelen.", postcode = resident.GetProperty("postcode").GetString(), residentId = resident.GetProperty("id").GetGuid() };
        var key = Guid.NewGuid().ToString();
        var desk = _intake.DeskAs();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => desk.SendAsync(Post("/api/intake/help-requests", question, key))));

        // Each is the first answer, or (while the first is still answering) "in progress, retry".
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.All(answers.Except(created), a => Assert.True(a.StatusCode == HttpStatusCode.Conflict && a.Headers.RetryAfter is not null, $"{(int)a.StatusCode}"));
        Assert.NotEmpty(created);
        var ids = await Task.WhenAll(created.Select(async a => (await a.ReadAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(created.Count - 1, created.Count(Replayed));

        var cases = await _intake.ProfessionalAs().GetFromJsonAsync<JsonElement>($"/api/intake/cases?householdId={household}");
        Assert.Equal([ids[0]], cases.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray());
    }

    [Fact]
    public async Task A_partner_retrying_a_signal_signals_once_and_another_partner_with_the_same_key_gets_its_own()
    {
        var (partner, _, _) = await stack.PartnerAsync($"Woonco {Guid.NewGuid():N}"[..20]);
        var (other, _, _) = await stack.PartnerAsync($"Thuiszorg {Guid.NewGuid():N}"[..22]);
        var concern = $"Mevrouw neemt de telefoon niet op ({Guid.NewGuid():N}).";
        var signal = new { partner = "x", postcode = IntakeApi.UniquePostcode(), houseNumber = IntakeApi.UniqueHouseNumber(), concern };
        var key = "signal-2026-11-30-0001";

        var first = await partner.SendAsync(Post("/api/intake/signals", signal, key));
        var retry = await partner.SendAsync(Post("/api/intake/signals", signal, key));
        var others = await other.SendAsync(Post("/api/intake/signals", signal, key));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.True(Replayed(retry));
        var id = (await first.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await retry.ReadAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Accepted, others.StatusCode);
        Assert.False(Replayed(others));
        var othersId = (await others.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.NotEqual(id, othersId);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/intake/signals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/intake/signals/{othersId}")).StatusCode);

        // The team sees two signals with this concern: the first partner's once, the other's once.
        var signals = await AllPages.ItemsAsync(_intake.ProfessionalAs(), $"/api/intake/worklists/signals?neighbourhood={Uri.EscapeDataString(IntakeApi.Centrum)}");
        Assert.Equal(2, signals.Count(s => s.GetProperty("detail").GetString() == concern));
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_commit_and_answer_is_not_carried_out_again()
    {
        // What a crash after the commit leaves behind: the key, committed with the effect, and no answer.
        var lastName = $"Wübbena-{Guid.NewGuid():N}"[..20];
        var resident = new { firstName = "Grietje", lastName, dateOfBirth = "1948-07-21", postcode = IntakeApi.UniquePostcode(), houseNumber = IntakeApi.UniqueHouseNumber(), street = "Oude Ebbingestraat", city = "Groningen", phone = "050 123 4567", preferredContact = "phone" };
        var key = Guid.NewGuid().ToString();
        var hash = WijPlatform.ServiceDefaults.Http.IdempotencyKey.HashBody("application/json", JsonSerializer.SerializeToUtf8Bytes(resident, JsonSerializerOptions.Web));
        await using (var db = await stack.OpenDatabaseAsync("intakedb"))
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO idempotency_keys (caller, key, request, request_hash, created_at) VALUES ($1, $2, 'POST /api/intake/residents', $3, now() - interval '5 minutes')", db)
            {
                Parameters = { new() { Value = IntakeApi.Desk }, new() { Value = key }, new() { Value = hash } },
            };
            await insert.ExecuteNonQueryAsync();
        }

        var retry = await _intake.DeskAs().SendAsync(Post("/api/intake/residents", resident, key));

        var problem = await IntakeApi.ProblemAsync(retry, HttpStatusCode.Conflict);
        Assert.Contains("antwoord is verloren gegaan", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var found = await _intake.DeskAs().GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString(lastName)}");
        Assert.Equal(0, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Erasing_a_resident_erases_the_stored_answer_but_a_retry_still_registers_no_one()
    {
        var lastName = $"Oosterhuis-{Guid.NewGuid():N}"[..22];
        var resident = new { firstName = "Klaasje", lastName, dateOfBirth = "1939-11-02", postcode = IntakeApi.UniquePostcode(), houseNumber = IntakeApi.UniqueHouseNumber(), street = "Oude Ebbingestraat", city = "Groningen", phone = "050 765 4321", preferredContact = "phone" };
        var key = Guid.NewGuid().ToString();
        var desk = _intake.DeskAs();
        var registered = await desk.SendAsync(Post("/api/intake/residents", resident, key));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Accepted, (await _intake.PostAsync($"/api/intake/residents/{id}/erasure", new { })).StatusCode);
        var retry = await desk.SendAsync(Post("/api/intake/residents", resident, key));

        var problem = await IntakeApi.ProblemAsync(retry, HttpStatusCode.Conflict);
        Assert.DoesNotContain(lastName, problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString(lastName)}")).GetProperty("totalCount").GetInt32());
        await using var db = await stack.OpenDatabaseAsync("intakedb");
        await using var stored = new NpgsqlCommand("SELECT count(*) FROM idempotency_keys WHERE position(convert_to($1, 'UTF8') IN answer) > 0 OR position(convert_to($2, 'UTF8') IN answer) > 0", db)
        {
            Parameters = { new() { Value = lastName }, new() { Value = id.ToString() } },
        };
        Assert.Equal(0L, await stored.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("calendar")]
    [InlineData("matching")]
    [InlineData("cafe")]
    [InlineData("notices")]
    public async Task Every_write_documents_the_optional_header_and_reads_do_not(string service)
    {
        using var anyone = stack.Anonymous();
        var document = await anyone.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()).ToList();
        bool HasHeader(JsonProperty operation) =>
            operation.Value.TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header" && !(p.TryGetProperty("required", out var r) && r.GetBoolean()));
        var writes = operations.Where(o => o.Name is "post" or "put" or "patch" or "delete").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, o => Assert.True(HasHeader(o), o.Name));
        Assert.All(operations.Where(o => o.Name is "get"), o => Assert.False(HasHeader(o)));
    }
}
