using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Hostile text through the gateway, as the roles that may call each operation: a NUL, a text or a
/// list far too long, in every text and list of every operation the OpenAPI documents describe, one
/// field at a time. Each is refused before it reaches the database (400, or 403/404 where the caller
/// or the record is refused first, 413/414 where the gateway refuses the size first), never a 5xx,
/// and every service keeps answering afterwards.
/// </summary>
public sealed class HostileInputTests(StackFixture stack)
{
    private const string Nul = "a\u0000b";
    private static readonly string Megabyte = new('x', 1024 * 1024);

    /// <summary>A URL holds at most 64 K characters (System.Uri), and the gateway accepts 8 K: the long query value.</summary>
    private static readonly string LongQueryValue = new('x', 16 * 1024);

    /// <summary>Roles that reach an operation's input before any record rule does come first; admin only when nobody else may call.</summary>
    private static readonly string[] RolePreference = [WijRoles.Desk, WijRoles.Coordinator, WijRoles.Cafe, WijRoles.Operator, WijRoles.Professional, WijRoles.Partner, WijRoles.Volunteer, WijRoles.Admin];

    /// <summary>What each service answers when it is well: a list a real caller reads every day.</summary>
    private static readonly Dictionary<string, (string Role, string Path)> Ordinary = new()
    {
        ["intake"] = (WijRoles.Desk, "/api/intake/professionals"),
        ["calendar"] = (WijRoles.Coordinator, "/api/calendar/activities"),
        ["matching"] = (WijRoles.Coordinator, "/api/matching/volunteers"),
        ["cafe"] = (WijRoles.Cafe, "/api/cafe/dishes"),
        ["notices"] = (WijRoles.Desk, "/api/notices/calls"),
    };

    [Fact]
    public async Task Every_text_and_list_of_every_request_body_declares_its_maximum()
    {
        var unbounded = new List<string>();
        foreach (var service in Operations.Services)
        {
            var document = await stack.Anonymous().GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", TestContext.Current.CancellationToken);
            var schemas = new RequestSchemas(document);
            foreach (var (method, path, operation) in OperationsOf(document))
            {
                if (BodySchema(operation) is not { } body)
                {
                    continue;
                }
                foreach (var field in schemas.FieldsOf(body))
                {
                    if (field.IsArray && field.MaxItems is null)
                    {
                        unbounded.Add($"{method} {path}: {field} has no maxItems");
                    }
                    if (field.IsArray && field.Items is { } items && RequestSchemas.IsUnboundedText(schemas.Resolve(items)))
                    {
                        unbounded.Add($"{method} {path}: the items of {field} have no maxLength");
                    }
                    if (!field.IsArray && RequestSchemas.IsUnboundedText(field.Schema))
                    {
                        unbounded.Add($"{method} {path}: {field} has no maxLength");
                    }
                }
            }
        }
        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task The_public_calendar_refuses_a_NUL_in_a_query_by_name_and_keeps_answering()
    {
        using var anonymous = stack.Anonymous();
        foreach (var path in new[] { "/api/calendar/activities?category=%00", "/api/calendar/this-week?category=%00", "/api/calendar/occurrences?category=sport%00" })
        {
            for (var i = 0; i < 3; i++)
            {
                using var refused = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var problem = await refused.ReadAsync<JsonElement>();
                Assert.True(problem.GetProperty("errors").TryGetProperty("category", out _), await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }
        }
        // Every pooled connection of the calendar serves ordinary requests again.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var response = await anonymous.GetAsync("/api/calendar/activities?category=sport", TestContext.Current.CancellationToken);
            return response.StatusCode;
        }));
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task A_NUL_an_overlong_text_or_a_huge_list_in_any_field_is_refused_and_every_service_keeps_answering()
    {
        var clients = new ConcurrentDictionary<string, HttpClient>();
        HttpClient ClientFor(string role) => clients.GetOrAdd(role, r => r == "anonymous" ? stack.Anonymous() : stack.As(r, ClaimsOf(r)));
        var failures = new ConcurrentBag<string>();
        var probes = new List<Probe>();
        var underivable = new List<string>();
        foreach (var service in Operations.Services)
        {
            var document = await stack.Anonymous().GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", TestContext.Current.CancellationToken);
            probes.AddRange(ProbesOf(service, document, underivable));
        }
        Assert.Empty(underivable);
        Assert.True(probes.Count > 300, $"only {probes.Count} probes derived from the OpenAPI documents");

        TestContext.Current.TestOutputHelper?.WriteLine($"{probes.Count} probes from {Operations.Services.Length} OpenAPI documents");
        using var gate = new SemaphoreSlim(6);
        await Task.WhenAll(probes.Select(async probe =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                using var request = probe.Request();
                using var response = await ClientFor(probe.Role).SendAsync(request, TestContext.Current.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (Verdict(probe, response.StatusCode, body) is { } failure)
                {
                    failures.Add(failure);
                }
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"{probe}: no answer ({ex.InnerException?.Message ?? ex.Message})");
            }
            finally
            {
                gate.Release();
            }
        }));

        foreach (var (service, (role, path)) in Ordinary)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
            {
                using var response = await ClientFor(role).GetAsync(path, TestContext.Current.CancellationToken);
                return response.StatusCode;
            }));
            if (statuses.Any(s => s != HttpStatusCode.OK))
            {
                failures.Add($"{service} afterwards: {string.Join(", ", statuses.Where(s => s != HttpStatusCode.OK).Select(s => (int)s))} on GET {path}");
            }
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        Assert.True(failures.IsEmpty, $"{failures.Count} of {probes.Count} probes went wrong:\n{string.Join("\n", failures.Order().Take(60))}");
    }

    /// <summary>One hostile request: which field, what was sent, and what may be answered.</summary>
    private sealed record Probe(string Service, string Method, string Template, string Path, string Role, JsonNode? Body, string Field, string Variant, HttpStatusCode[] Allowed)
    {
        /// <summary>A 400 must name the field; a path segment the gateway's server refuses itself has no field to name.</summary>
        public bool MustName { get; init; } = true;

        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path)
            {
                Content = Body is null && Method is "GET" or "DELETE" ? null : new StringContent(Body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
            };
            // A body the gateway refuses by its declared length is not sent at all, so the refusal is read, not cut off.
            request.Headers.ExpectContinue = true;
            return request;
        }

        public override string ToString() => $"{Method} {Template} [{Role}] {Field} ({Variant})";
    }

    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];
    private static readonly HttpStatusCode[] RefusedOrTooLarge = [.. Refused, HttpStatusCode.RequestEntityTooLarge];
    private static readonly HttpStatusCode[] RefusedOrUriTooLong = [.. Refused, HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge];

    private static string? Verdict(Probe probe, HttpStatusCode status, string body)
    {
        if (!probe.Allowed.Contains(status))
        {
            return $"{probe}: {(int)status} {body[..Math.Min(body.Length, 200)]}";
        }
        if (status == HttpStatusCode.BadRequest && probe.MustName)
        {
            // The 400 must be about the field that was changed, not about something else in the body.
            var leaf = Regex.Replace(probe.Field.Split('.')[^1], @"\[\d+\]", "");
            if (!body.Contains($"\"{leaf}", StringComparison.OrdinalIgnoreCase) && !body.Contains($".{leaf}", StringComparison.OrdinalIgnoreCase))
            {
                return $"{probe}: 400 without naming {leaf}: {body[..Math.Min(body.Length, 300)]}";
            }
        }
        return null;
    }

    private static IEnumerable<Probe> ProbesOf(string service, JsonElement document, List<string> underivable)
    {
        var schemas = new RequestSchemas(document);
        foreach (var (method, template, operation) in OperationsOf(document))
        {
            var role = RoleOf(operation);
            var parameters = operation.TryGetProperty("parameters", out var declared) ? declared.EnumerateArray().ToList() : [];
            var path = Regex.Replace(template, "{([^}]+)}", m => RouteValue(parameters.FirstOrDefault(p => p.GetProperty("name").GetString() == m.Groups[1].Value), schemas));
            var bodySchema = BodySchema(operation);
            var body = bodySchema is { } b ? schemas.Sample(b, "body") : null;

            foreach (var parameter in parameters.Where(p => IsText(p, schemas)))
            {
                var name = parameter.GetProperty("name").GetString()!;
                if (parameter.GetProperty("in").GetString() == "path")
                {
                    var withNul = template.Replace("{" + name + "}", Uri.EscapeDataString(Nul), StringComparison.Ordinal);
                    yield return new Probe(service, method, template, Regex.Replace(withNul, "{([^}]+)}", m => RouteValue(parameters.First(p => p.GetProperty("name").GetString() == m.Groups[1].Value), schemas)),
                        role, body, name, "NUL in the path", Refused) { MustName = false };
                }
                else if (parameter.GetProperty("in").GetString() == "query")
                {
                    yield return new Probe(service, method, template, $"{path}?{name}={Uri.EscapeDataString(Nul)}", role, body, name, "NUL", Refused);
                    yield return new Probe(service, method, template, $"{path}?{name}={LongQueryValue}", role, body, name, "16 KB", RefusedOrUriTooLong) { MustName = false };
                }
            }
            if (bodySchema is not { } schema)
            {
                continue;
            }
            if (body is null)
            {
                underivable.Add($"{method} {template}: no body could be derived from its schema");
                continue;
            }
            foreach (var field in schemas.FieldsOf(schema))
            {
                JsonNode Body(JsonNode? value) => schemas.WithValue(body, schema, field.Path, value);
                if (field.IsArray)
                {
                    var itemSchema = field.Items is { } items ? schemas.Resolve(items) : default;
                    var item = field.Items is { } i ? schemas.Sample(i, field.Name) : JsonValue.Create("x");
                    var textItems = itemSchema.ValueKind == JsonValueKind.Object && RequestSchemas.Types(itemSchema).Contains("string");
                    if (textItems)
                    {
                        yield return new Probe(service, method, template, path, role, Body(new JsonArray(JsonValue.Create(Nul))), field.Name, "NUL item", Refused);
                        if (itemSchema.TryGetProperty("maxLength", out var itemMax))
                        {
                            yield return new Probe(service, method, template, path, role, Body(new JsonArray(JsonValue.Create(new string('x', itemMax.GetInt32() + 1)))), field.Name, "item one over its maximum", Refused);
                        }
                    }
                    if (field.MaxItems is { } maxItems)
                    {
                        yield return new Probe(service, method, template, path, role, Body(Repeat(item, maxItems + 1)), field.Name, "one item over the maximum", Refused);
                    }
                    yield return new Probe(service, method, template, path, role, Body(Repeat(item, 100_000)), field.Name, "100,000 items", RefusedOrTooLarge);
                }
                else
                {
                    yield return new Probe(service, method, template, path, role, Body(JsonValue.Create(Nul)), field.Name, "NUL", Refused);
                    if (field.MaxLength is { } max)
                    {
                        yield return new Probe(service, method, template, path, role, Body(JsonValue.Create(new string('x', max + 1))), field.Name, "one over its maximum", Refused);
                    }
                    yield return new Probe(service, method, template, path, role, Body(JsonValue.Create(Megabyte)), field.Name, "1 MB", RefusedOrTooLarge);
                }
            }
        }
    }

    private static JsonArray Repeat(JsonNode? item, int count)
    {
        var text = item?.ToJsonString() ?? "null";
        var json = new StringBuilder(count * (text.Length + 1) + 2).Append('[');
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(text);
        }
        return JsonNode.Parse(json.Append(']').ToString())!.AsArray();
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> OperationsOf(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                yield return (operation.Name.ToUpperInvariant(), path.Name, operation.Value);
            }
        }
    }

    private static JsonElement? BodySchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    private static string RoleOf(JsonElement operation)
    {
        if (operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0)
        {
            return "anonymous";
        }
        var roles = operation.TryGetProperty("x-roles", out var declared) ? declared.EnumerateArray().Select(r => r.GetString()!).ToList() : [WijRoles.Admin];
        return RolePreference.First(roles.Contains);
    }

    private static Dictionary<string, string>? ClaimsOf(string role) => role switch
    {
        WijRoles.Professional => new() { [WijClaims.Team] = "Groningen Centrum", [WijClaims.ProfessionalId] = Guid.NewGuid().ToString() },
        WijRoles.Volunteer => new() { [WijClaims.VolunteerId] = Guid.NewGuid().ToString() },
        WijRoles.Partner => new() { [WijClaims.PartnerOrganisation] = "Schoonmaak Noord" },
        _ => null,
    };

    /// <summary>A parameter written as text: free text, a value from a list, an id, a date.</summary>
    private static bool IsText(JsonElement parameter, RequestSchemas schemas) =>
        parameter.TryGetProperty("schema", out var schema) && RequestSchemas.Types(schemas.Resolve(schema)) is var types
        && types.Contains("string") && !types.Any(t => t is "integer" or "number" or "boolean");

    private static string RouteValue(JsonElement parameter, RequestSchemas schemas)
    {
        if (parameter.ValueKind != JsonValueKind.Object)
        {
            return Guid.NewGuid().ToString();
        }
        var name = parameter.GetProperty("name").GetString()!;
        var schema = parameter.TryGetProperty("schema", out var s) ? schemas.Resolve(s) : default;
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (format, name) switch
        {
            ("uuid", _) => Guid.NewGuid().ToString(),
            ("date", _) or (_, "date") => "2031-03-03",
            (_, "month") => "2031-03",
            (_, "category") => "sport",
            _ => "onbekend",
        };
    }
}
