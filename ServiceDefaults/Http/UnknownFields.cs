using System.Text.Json;
using System.Text.RegularExpressions;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// Names the field of a body that the endpoint does not know. System.Text.Json reports it only in
/// its message ("The JSON property 'x' could not be mapped to any .NET member contained in type
/// ..."); the answer names the field as the client wrote it (with its path inside the body) and
/// never the .NET type.
/// </summary>
public static partial class UnknownFields
{
    public static readonly WijPlatform.ServiceDefaults.Texts.Text Message = new("shared.unknown-field");

    public static string? Field(JsonException exception)
    {
        if (exception.Message is not { } message || UnmappedProperty().Match(message) is not { Success: true } match)
        {
            return null;
        }
        var name = match.Groups["name"].Value;
        // The path is where the reader stood: the object that holds the unknown field, or the field itself.
        var path = (exception.Path ?? "$").TrimStart('$').TrimStart('.');
        if (path.EndsWith(name, StringComparison.Ordinal))
        {
            return path;
        }
        return path.Length == 0 ? name : $"{path}.{name}";
    }

    [GeneratedRegex("^The JSON property '(?<name>.*)' could not be mapped to any \\.NET member", RegexOptions.Singleline)]
    private static partial Regex UnmappedProperty();
}
