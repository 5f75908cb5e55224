using System.Text.Json;
using System.Text.Json.Nodes;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>One text or list of a request, found in the OpenAPI document: where it is and what it declares.</summary>
public sealed record RequestField(string Name, IReadOnlyList<object> Path, JsonElement Schema, string Where)
{
    public bool IsArray => RequestSchemas.Types(Schema).Contains("array");

    public int? MaxLength => Schema.TryGetProperty("maxLength", out var max) ? max.GetInt32() : null;

    public int? MaxItems => Schema.TryGetProperty("maxItems", out var max) ? max.GetInt32() : null;

    public JsonElement? Items => Schema.TryGetProperty("items", out var items) ? items : null;

    public override string ToString() => Name;
}

/// <summary>
/// Reads request bodies and parameters from a service's OpenAPI document: which texts and lists an
/// operation takes, and a body that is valid as far as the schema says, to change one field at a time.
/// </summary>
public sealed class RequestSchemas(JsonElement document)
{
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        if (schema.ValueKind == JsonValueKind.Object)
        {
            // A nullable reference: the alternative that is not null.
            foreach (var keyword in new[] { "oneOf", "anyOf" })
            {
                if (schema.TryGetProperty(keyword, out var alternatives))
                {
                    foreach (var alternative in alternatives.EnumerateArray())
                    {
                        var resolved = Resolve(alternative);
                        if (!Types(resolved).SequenceEqual(["null"]))
                        {
                            return resolved;
                        }
                    }
                }
            }
        }
        return schema;
    }

    public static IReadOnlyList<string> Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [type.GetString()!];

    /// <summary>A text with nothing that bounds it: no maximum, no list of values, no format.</summary>
    public static bool IsUnboundedText(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && Types(schema).Contains("string") && !Types(schema).Any(t => t is "integer" or "number")
        && !schema.TryGetProperty("maxLength", out _) && !schema.TryGetProperty("enum", out _) && !schema.TryGetProperty("format", out _);

    /// <summary>Every text and list in a body, nested objects and the first item of lists of objects included.</summary>
    public IEnumerable<RequestField> FieldsOf(JsonElement bodySchema) => Walk(Resolve(bodySchema), [], "", 0);

    private IEnumerable<RequestField> Walk(JsonElement schema, List<object> path, string name, int depth)
    {
        if (depth > 6 || schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        var types = Types(schema);
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    var childName = name.Length == 0 ? property.Name : $"{name}.{property.Name}";
                    foreach (var field in Walk(Resolve(property.Value), [.. path, property.Name], childName, depth + 1))
                    {
                        yield return field;
                    }
                }
            }
            yield break;
        }
        if (types.Contains("array"))
        {
            yield return new RequestField(name, path, schema, "body");
            if (schema.TryGetProperty("items", out var items) && Types(Resolve(items)).Contains("object"))
            {
                foreach (var field in Walk(Resolve(items), [.. path, 0], $"{name}[0]", depth + 1))
                {
                    yield return field;
                }
            }
            yield break;
        }
        if (types.Contains("string") && !types.Any(t => t is "integer" or "number" or "boolean"))
        {
            yield return new RequestField(name, path, schema, "body");
        }
    }

    /// <summary>A value the schema accepts: an example if the document has one, else the required fields with plain values.</summary>
    public JsonNode? Sample(JsonElement schema, string name, bool allProperties = false)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create("tekst");
        }
        if (schema.TryGetProperty("examples", out var examples) && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0)
        {
            return JsonNode.Parse(examples[0].GetRawText());
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            var first = values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null);
            return JsonNode.Parse(first.GetRawText());
        }
        var types = Types(schema);
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            var node = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject().Where(p => allProperties || required.Contains(p.Name)))
                {
                    node[property.Name] = Sample(property.Value, property.Name);
                }
            }
            return node;
        }
        if (types.Contains("array"))
        {
            return schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, name)) : new JsonArray();
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            var minimum = schema.TryGetProperty("minimum", out var min) ? min.GetDouble() : 1;
            var value = Math.Max(minimum, 1);
            if (schema.TryGetProperty("maximum", out var max) && max.GetDouble() < value)
            {
                value = max.GetDouble();
            }
            return types.Contains("integer") ? JsonValue.Create((long)Math.Ceiling(value)) : JsonValue.Create(value);
        }
        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }
        if (types.Contains("string"))
        {
            return JsonValue.Create(Text(schema, name));
        }
        return null;
    }

    private static string Text(JsonElement schema, string name)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var text = format switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => "2031-03-03",
            "date-time" => "2031-03-03T10:00:00+01:00",
            "time" => "10:00:00",
            "email" => "iemand@example.nl",
            _ => name.ToLowerInvariant() switch
            {
                "postcode" => "9712 HW",
                "housenumber" => "12",
                "phone" or "emergencycontactphone" => "0501234567",
                "email" => "iemand@example.nl",
                "month" => "2031-03",
                _ => "tekst",
            },
        };
        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
        {
            text = text[..max.GetInt32()];
        }
        return text;
    }

    /// <summary>Sets <paramref name="value"/> at <paramref name="path"/> in a copy of <paramref name="body"/>, making the objects and lists on the way.</summary>
    public JsonNode WithValue(JsonNode body, JsonElement bodySchema, IReadOnlyList<object> path, JsonNode? value)
    {
        var copy = body.DeepClone();
        JsonNode node = copy;
        var schema = Resolve(bodySchema);
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            switch (path[i])
            {
                case string property:
                    var propertySchema = Resolve(schema.GetProperty("properties").GetProperty(property));
                    var target = node.AsObject();
                    if (last)
                    {
                        target[property] = value;
                        return copy;
                    }
                    if (target[property] is null)
                    {
                        target[property] = Sample(propertySchema, property, allProperties: false);
                    }
                    node = target[property]!;
                    schema = propertySchema;
                    break;
                case int index:
                    var itemSchema = Resolve(schema.GetProperty("items"));
                    var list = node.AsArray();
                    if (list.Count <= index)
                    {
                        list.Add(Sample(itemSchema, "item"));
                    }
                    if (last)
                    {
                        list[index] = value;
                        return copy;
                    }
                    node = list[index]!;
                    schema = itemSchema;
                    break;
            }
        }
        return copy;
    }
}
