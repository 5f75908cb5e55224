using System.Text;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// What text a request may carry. Control characters are bad input: PostgreSQL refuses NUL, and the
/// others (escape sequences, backspace, C1 controls) only ever hide or disguise what a text says.
/// In a JSON body a text may hold line breaks and tabs, because notes, descriptions and remarks span
/// lines; a query value or a path segment may hold none of them.
/// </summary>
public static class InputText
{
    public const string ControlCharacterMessage = "shared.control-characters";

    public const string InvalidUnicodeMessage = "shared.invalid-unicode";

    /// <summary>At most this many fields are named in one answer; a body of many bad items needs no list of all of them.</summary>
    public const int MaxErrors = 20;

    public static bool IsAllowed(string text, bool lineBreaks)
    {
        foreach (var c in text)
        {
            if (IsForbidden(c, lineBreaks))
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsForbidden(char c, bool lineBreaks) =>
        c < ' ' ? !(lineBreaks && c is '\t' or '\n' or '\r') : c is >= '\u007f' and <= '\u009f';

    /// <summary>
    /// The fields of a JSON body whose text (or property name) holds a forbidden character, named by
    /// their path as the client wrote them (<c>stops[2].name</c>). A body that is not valid JSON yields
    /// nothing here: the binder reports it.
    /// </summary>
    public static Dictionary<string, string[]> ScanJson(ReadOnlySpan<byte> json)
    {
        var errors = new Dictionary<string, string[]>();
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            while (errors.Count < MaxErrors && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = Text(ref reader, out var nameProblem);
                        frames[^1] = frames[^1] with { Property = nameProblem is null ? name : Visible(name) };
                        if (nameProblem is not null)
                        {
                            errors.TryAdd(Path(frames), [nameProblem]);
                        }
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        Text(ref reader, out var problem);
                        if (problem is not null)
                        {
                            errors.TryAdd(Path(frames), [problem]);
                        }
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the binder answers with its own field error.
        }
        return errors;
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Property);

    private static string Visible(string? text) => new((text ?? "").Select(c => IsForbidden(c, lineBreaks: false) ? '?' : c).ToArray());

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    private static string Path(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is { } property)
            {
                path.Append(path.Length > 0 ? "." : "").Append(property);
            }
        }
        return path.Length > 0 ? path.ToString() : "body";
    }

    /// <summary>The token's text when it needs a look (escapes, DEL or a C1 control), with the problem it has, if any.</summary>
    private static string? Text(ref Utf8JsonReader reader, out string? problem)
    {
        problem = null;
        var raw = reader.ValueSpan;
        // Unescaped JSON text cannot hold C0 controls; DEL is 0x7F and the C1 controls start with 0xC2.
        if (!reader.ValueIsEscaped && raw.IndexOfAny((byte)0x7F, (byte)0xC2) < 0)
        {
            return reader.TokenType == JsonTokenType.PropertyName ? Encoding.UTF8.GetString(raw) : null;
        }
        string text;
        try
        {
            text = reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            problem = InvalidUnicodeMessage;
            return "?";
        }
        if (!IsAllowed(text, lineBreaks: reader.TokenType == JsonTokenType.String))
        {
            problem = ControlCharacterMessage;
        }
        return text;
    }
}
