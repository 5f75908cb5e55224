namespace WijPlatform.IntegrationTests.Intake;

/// <summary>Reads every page of a list: worklists are shared by all tests of a run and grow past one page.</summary>
internal static class AllPages
{
    public static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"{path}{separator}pageSize=100&page={page}");
            items.AddRange(body.GetProperty("items").EnumerateArray());
            if (!body.GetProperty("hasNextPage").GetBoolean())
            {
                return items;
            }
        }
    }
}
