using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace WijPlatform.IntegrationTests.Intake;

/// <summary>
/// What the desk and a neighbourhood team do through the gateway, as small steps the tests share.
/// Each step is taken by whoever takes it at a real support point, with that caller's own token:
/// the desk registers residents, questions, consents and erasure requests for every team; a
/// professional of <paramref name="team"/> works its cases, plans, referrals and worklists;
/// registering a professional is an administrator's job, the plumbing an operator's.
/// </summary>
internal sealed class IntakeApi(StackFixture stack, string team = IntakeApi.Centrum)
{
    public const string Desk = "desk-anna";
    public const string Centrum = "Groningen Centrum";
    public const string TeamMember = "wijkteam-sanne";

    private readonly ConcurrentDictionary<(string Role, string Name), HttpClient> _clients = new();

    public string Team => team;

    /// <summary>A postcode no other test uses, in Groningen Centrum (9711/9712) unless told otherwise.</summary>
    public static string UniquePostcode(string digits = "9712")
    {
        const string letters = "ABCEFGHJKLMNPRTVWXZ";
        return $"{digits} {letters[Random.Shared.Next(letters.Length)]}{letters[Random.Shared.Next(letters.Length)]}";
    }

    public static string UniqueHouseNumber() => Random.Shared.Next(1, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The desk, signing with <paramref name="name"/>.</summary>
    public HttpClient DeskAs(string name = Desk) => Client("desk", name);

    /// <summary>A professional of this team, signing with <paramref name="name"/>.</summary>
    public HttpClient ProfessionalAs(string name = TeamMember) => Client("professional", name);

    /// <summary>Who takes a step on <paramref name="path"/> at a support point.</summary>
    public HttpClient CallerFor(string path, string? name = null) => path switch
    {
        _ when path.Contains("/admin/", StringComparison.Ordinal) => Client("operator", name ?? "beheer"),
        _ when path.StartsWith("/api/intake/professionals", StringComparison.Ordinal) => Client("admin", name ?? "functioneel-beheer"),
        _ when path.StartsWith("/api/intake/cases", StringComparison.Ordinal) || path.StartsWith("/api/intake/worklists", StringComparison.Ordinal)
            || path.Contains("/plan", StringComparison.Ordinal) => ProfessionalAs(name ?? TeamMember),
        _ => DeskAs(name ?? Desk),
    };

    private HttpClient Client(string role, string name) =>
        _clients.GetOrAdd((role, name), key => stack.As(key.Role, new Dictionary<string, string> { ["name"] = key.Name, ["team"] = team }, subject: key.Name));

    public Task<HttpResponseMessage> PostAsync(string path, object body, string? actor = null) =>
        CallerFor(path, actor).PostAsJsonAsync(path, body);

    public async Task<JsonElement> PostOkAsync(string path, object body, string? actor = null)
    {
        var response = await PostAsync(path, body, actor);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<JsonElement>();
    }

    public async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadAsync<JsonElement>();
    }

    public Task<JsonElement> GetAsync(string path) => CallerFor(path).GetFromJsonAsync<JsonElement>(path);

    public Task<JsonElement> RegisterResidentAsync(string postcode, string houseNumber, string firstName = "Anna", string lastName = "Jansen", Guid? householdId = null) =>
        PostOkAsync("/api/intake/residents", new
        {
            firstName,
            lastName,
            dateOfBirth = "1941-05-17",
            postcode,
            houseNumber,
            street = "Oude Ebbingestraat",
            city = "Groningen",
            phone = "050 123 4567",
            preferredContact = "phone",
            householdId,
        });

    public async Task<Guid> RegisterCaseAsync(Guid? residentId, string postcode = "9712 HW", string[]? domains = null) =>
        (await PostOkAsync("/api/intake/help-requests", new
        {
            channel = "desk",
            domains = domains ?? ["eenzaamheid"],
            description = "Mevrouw voelt zich eenzaam sinds haar man overleed.",
            postcode,
            residentId,
        })).GetProperty("id").GetGuid();

    public async Task<Guid> RegisterProfessionalAsync(string name = "Sanne de Vries") =>
        (await PostOkAsync("/api/intake/professionals", new { name, organisation = "WIJ-team Centrum", role = "generalist" })).GetProperty("id").GetGuid();

    public async Task<List<JsonElement>> TimelineAsync(Guid caseId) =>
        (await GetAsync($"/api/intake/cases/{caseId}/timeline?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

    public static List<string> Kinds(IEnumerable<JsonElement> events) => events.Select(e => e.GetProperty("kind").GetString() ?? "").ToList();

    public async Task ExecuteInIntakeDatabaseAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(stack.ConnectionString("intakedb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }
}
