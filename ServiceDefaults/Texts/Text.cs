namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>
/// A text meant for people, named by its key in a text catalogue (<c>texts.json</c>) with its
/// arguments, and rendered in the caller's language only at the edge. An argument may be a text
/// itself (the noun inside "There is no {0} {1}.").
/// </summary>
public sealed class Text(string key, params object?[] args)
{
    public string Key { get; } = key;

    public IReadOnlyList<object?> Args { get; } = args;

    /// <summary>
    /// A sentence where a key belongs (code not yet converted): it is a key the catalogue lacks, so
    /// it shows as written, and the catalogue's coverage test lists it.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(key))]
    public static implicit operator Text?(string? key) => key is null ? null : new(key);

    /// <summary>Sentences one after another, each in the same language.</summary>
    public static Text Sentences(IEnumerable<Text> sentences) => Joined(sentences, " ");

    /// <summary>Words in a sentence as a list: "maandag, woensdag en vrijdag", "Monday, Wednesday and Friday".</summary>
    public static Text List(IEnumerable<Text> words)
    {
        var all = words.ToList();
        return all.Count < 2 ? all.FirstOrDefault() ?? new Text(string.Empty) : new("shared.list", Joined(all.Take(all.Count - 1), ", "), all[^1]);
    }

    private static Text Joined(IEnumerable<Text> texts, string separator)
    {
        object?[] parts = [.. texts];
        return new(string.Join(separator, parts.Select((_, i) => $"{{{i}}}")), parts);
    }

    /// <summary>The key: what a service tells another, which renders it in its own reader's language.</summary>
    public override string ToString() => Key;
}
