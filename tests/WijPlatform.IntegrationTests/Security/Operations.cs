using System.Text.RegularExpressions;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>One operation of a service's OpenAPI document, with the roles it declares.</summary>
public sealed record Operation(string Service, string Method, string Template, IReadOnlyList<string> Roles, bool Anonymous)
{
    public override string ToString() => $"{Method} {Template}";

    /// <summary>The template with every route value filled: unknown ids, a date, a month, a category.</summary>
    public string Path { get; } = Regex.Replace(Template, "{([^}:]+)[^}]*}", m => m.Groups[1].Value switch
    {
        "date" => "2026-12-07",
        "month" => "2026-11",
        "category" => "sport",
        _ => Guid.NewGuid().ToString(),
    });

    public HttpRequestMessage Request(string? bearer = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        return request;
    }
}

public static partial class Operations
{
    public static readonly string[] Services = ["intake", "calendar", "matching", "cafe", "notices"];

    /// <summary>Every operation of every service, read from the OpenAPI documents the gateway serves.</summary>
    public static async Task<IReadOnlyList<Operation>> AllAsync(StackFixture stack)
    {
        using var anonymous = stack.Anonymous();
        var operations = new List<Operation>();
        foreach (var service in Services)
        {
            var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
                {
                    var anonymousOperation = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;
                    var roles = operation.Value.TryGetProperty("x-roles", out var declared)
                        ? declared.EnumerateArray().Select(r => r.GetString()!).ToList()
                        : [];
                    operations.Add(new Operation(service, operation.Name.ToUpperInvariant(), path.Name, roles, anonymousOperation));
                }
            }
        }
        Assert.True(operations.Count > 100, $"only {operations.Count} operations found in the OpenAPI documents");
        return operations;
    }

    /// <summary>What no response may ever show: a stack trace, an exception type or SQL.</summary>
    public static void AssertNothingLeaks(string body, Operation operation, HttpStatusCode status)
    {
        foreach (var leak in new[] { "   at ", "Exception", "Npgsql", "SELECT ", "INSERT INTO", "/work/", ".cs:line" })
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"{operation} answered {(int)status} with '{leak}' in its body");
        }
    }
}
