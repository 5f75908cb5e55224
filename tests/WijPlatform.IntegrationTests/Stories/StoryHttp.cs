using System.Text.Json;

namespace WijPlatform.IntegrationTests.Stories;

/// <summary>What the story tests share: a call that must succeed, and its answer.</summary>
internal static class StoryHttp
{
    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<JsonElement>();
    }
}
