using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace WijPlatform.IntegrationTests.Intake;

/// <summary>What the desk does through the gateway, as small steps the tests share; each call is signed by its actor's token.</summary>
internal sealed class IntakeApi(StackFixture stack)
{
    public const string Desk = "desk-anna";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public HttpClient Gateway => stack.Gateway;

    /// <summary>A postcode no other test uses, in Groningen Centrum (9711/9712) unless told otherwise.</summary>
    public static string UniquePostcode(string digits = "9712")
    {
        const string letters = "ABCEFGHJKLMNPRTVWXZ";
        return $"{digits} {letters[Random.Shared.Next(letters.Length)]}{letters[Random.Shared.Next(letters.Length)]}";
    }

    public static string UniqueHouseNumber() => Random.Shared.Next(1, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<HttpResponseMessage> PostAsync(string path, object body, string actor = Desk)
    {
        // Who did it comes from the caller's token, never from what the client claims.
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", stack.Identity.CreateToken("admin", new Dictionary<string, string> { ["name"] = actor }, subject: actor));
        return Gateway.SendAsync(request);
    }

    public async Task<JsonElement> PostOkAsync(string path, object body, string actor = Desk)
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

    public Task<JsonElement> GetAsync(string path) => Gateway.GetFromJsonAsync<JsonElement>(path);

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
