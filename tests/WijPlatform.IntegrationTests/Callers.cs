using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.IntegrationTests;

/// <summary>
/// The people and systems of a support point, each through the gateway with the role and claims a
/// real one's token carries. Tests act as these; an administrator only for what only an
/// administrator does (issuing API keys, registering professionals).
/// </summary>
internal static class Callers
{
    public static HttpClient Desk(this StackFixture stack, string name = "Baliemedewerker Anna") =>
        stack.As("desk", new Dictionary<string, string> { ["name"] = name }, subject: $"desk-{Slug(name)}");

    public static HttpClient Professional(this StackFixture stack, string team, Guid? professionalId = null, string name = "Wijkwerker Sanne")
    {
        var claims = new Dictionary<string, string> { ["name"] = name, ["team"] = team };
        if (professionalId is { } id)
        {
            claims["professional_id"] = id.ToString();
        }
        return stack.As("professional", claims, subject: $"pro-{Slug(name)}-{Slug(team)}");
    }

    public static HttpClient Coordinator(this StackFixture stack, string name = "Coördinator Els") =>
        stack.As("coordinator", new Dictionary<string, string> { ["name"] = name }, subject: $"coordinator-{Slug(name)}");

    public static HttpClient Volunteer(this StackFixture stack, Guid volunteerId, string name = "Vrijwilliger") =>
        stack.As("volunteer", new Dictionary<string, string> { ["name"] = name, ["volunteer_id"] = volunteerId.ToString() }, subject: $"volunteer-{volunteerId:N}");

    public static HttpClient Cafe(this StackFixture stack, string name = "Café Noord, Ans") =>
        stack.As("cafe", new Dictionary<string, string> { ["name"] = name }, subject: $"cafe-{Slug(name)}");

    public static HttpClient Operator(this StackFixture stack) =>
        stack.As("operator", new Dictionary<string, string> { ["name"] = "Beheer" }, subject: "operator");

    /// <summary>A partner organisation's system: an administrator issues its API key, the system calls with it.</summary>
    public static async Task<(HttpClient Client, Guid KeyId, string Key)> PartnerAsync(this StackFixture stack, string organisation)
    {
        var response = await stack.Gateway.PostAsJsonAsync("/api/gateway/api-keys", new { partnerOrg = organisation, role = "partner", description = "signalen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        return (WithKey(stack, key), created.GetProperty("info").GetProperty("id").GetGuid(), key);
    }

    public static HttpClient WithKey(StackFixture stack, string key)
    {
        var client = stack.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static string Slug(string text) => new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
