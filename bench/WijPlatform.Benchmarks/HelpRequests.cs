using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.Benchmarks;

/// <summary>The request the write path and the message path send: a help request from the desk, optionally one that asks for a volunteer (then intake's outbox tells matching).</summary>
public static class HelpRequests
{
    public const string Path = "/api/intake/help-requests";

    public static object Body(bool withVolunteer) => new
    {
        channel = "desk",
        domains = new[] { "eenzaamheid" },
        description = "Zoekt iemand om mee te wandelen.",
        postcode = "9718 KT",
        volunteerTalent = withVolunteer ? "walk" : null,
    };

    /// <summary>The new help request's id, or null when it was not created.</summary>
    public static async Task<Guid?> RegisterAsync(HttpClient client, bool withVolunteer) => (await TryRegisterAsync(client, withVolunteer)).Id;

    /// <summary>The new help request's id, or the status code that said it was not created.</summary>
    public static async Task<(Guid? Id, string? Failure)> TryRegisterAsync(HttpClient client, bool withVolunteer)
    {
        using var response = await client.PostAsJsonAsync(Path, Body(withVolunteer));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return (null, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), null);
    }
}
