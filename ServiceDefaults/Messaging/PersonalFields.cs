using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using WijPlatform.Contracts;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The fields marked <see cref="PersonalDataAttribute"/> in message contracts: sealed by
/// <see cref="FieldCipher"/> whenever a message is written as JSON (outbox row, broker body) and opened
/// when it is read, in the one serializer setting both the outbox and MassTransit use.
/// </summary>
public sealed class PersonalFields(FieldCipher cipher)
{
    private static readonly ConcurrentDictionary<Type, string[]> Names = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ResidentIds = new();

    /// <summary>How the outbox writes and reads message bodies: the web's JSON, personal fields sealed.</summary>
    public JsonSerializerOptions Options { get; } = Seal(new JsonSerializerOptions(JsonSerializerDefaults.Web), cipher);

    /// <summary>Adds the sealing of personal fields to serializer options (MassTransit's, the outbox's).</summary>
    public static JsonSerializerOptions Seal(JsonSerializerOptions options, FieldCipher cipher)
    {
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object)
            {
                return;
            }
            foreach (var property in info.Properties.Where(IsPersonal))
            {
                if (property.PropertyType != typeof(string))
                {
                    throw new InvalidOperationException($"{info.Type.Name}.{property.Name} is marked personal data but is not a string; only texts can be sealed.");
                }
                property.CustomConverter = new SealedText(cipher, property.Name);
            }
        });
        return options;
    }

    /// <summary>The JSON names of a message type's personal fields (camelCase, as the outbox writes them).</summary>
    public static string[] Of(Type messageType) => Names.GetOrAdd(messageType, type =>
        type.GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute), inherit: true)).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray());

    /// <summary>The resident a message is about (its ResidentId), if it names one.</summary>
    public static Guid? ResidentOf(object message)
    {
        var property = ResidentIds.GetOrAdd(message.GetType(), type => type.GetProperty("ResidentId") is { } p && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)) ? p : null);
        return property?.GetValue(message) is Guid id && id != Guid.Empty ? id : null;
    }

    private static bool IsPersonal(JsonPropertyInfo property) => property.AttributeProvider?.IsDefined(typeof(PersonalDataAttribute), inherit: true) == true;

    private sealed class SealedText(FieldCipher cipher, string field) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } value ? cipher.Open(value, field) : null;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(cipher.Seal(value, field));
    }
}
