using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// The pure parts of the <c>Idempotency-Key</c> header (draft-ietf-httpapi-idempotency-key-header):
/// which requests it applies to, what a valid key is, and the fingerprint that tells "the same request
/// again" from "another request under the same key".
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on an answer that is the stored answer of an earlier request with the same key.</summary>
    public const string ReplayedHeader = "Idempotency-Replayed";

    public const int MaxLength = 255;

    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static bool AppliesTo(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>1 to 255 visible ASCII characters (a UUID is the usual choice).</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key.All(c => c is > ' ' and < '\u007f');

    /// <summary>
    /// SHA-256 of the body. A JSON body is hashed in a normal form (properties sorted, no whitespace),
    /// so a client that serialises the same values in another order or layout still retries the same
    /// request; any other body by its bytes.
    /// </summary>
    public static byte[] HashBody(string? contentType, ReadOnlySpan<byte> body)
    {
        if (IsJson(contentType) && Normalise(body) is { } normal)
        {
            return SHA256.HashData(normal);
        }
        return SHA256.HashData(body);
    }

    /// <summary>The JSON body in its normal form, or null when it is not JSON.</summary>
    public static byte[]? Normalise(ReadOnlySpan<byte> body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }
        return buffer.ToArray();
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
