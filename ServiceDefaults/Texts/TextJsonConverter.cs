using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>
/// A <see cref="Text"/> inside a body is a string: in an answer, worded in the request's language
/// (Accept-Language, as a problem's detail is); in a copy kept in a database, worded in
/// <paramref name="language"/> once; read back, as written. Without a catalogue (<see cref="AsWritten"/>)
/// it only reads texts kept as strings.
/// </summary>
public sealed class TextJsonConverter(TextCatalogue? catalogue, CultureInfo? language = null) : JsonConverter<Text>
{
    /// <summary>Reads texts kept as strings; writes (should it ever) their keys.</summary>
    public static readonly JsonConverter<Text> AsWritten = new TextJsonConverter(null);

    public override Text Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, Text value, JsonSerializerOptions options) =>
        writer.WriteStringValue(catalogue?.Render(value, language ?? CultureInfo.CurrentUICulture) ?? value.Key);
}

/// <summary>In the OpenAPI document a <see cref="Text"/> is what it is on the wire: a string.</summary>
internal sealed class OpenApiTextAsString : Microsoft.AspNetCore.OpenApi.IOpenApiSchemaTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(Text))
        {
            schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        return Task.CompletedTask;
    }
}
