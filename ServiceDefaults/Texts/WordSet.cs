namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>
/// Stored words (a weekday, a domain, an urgency, a status) as words inside a sentence for people:
/// each word's key is the set's prefix and the word ("shared.weekday.monday"), so the API keeps the
/// stored English word and a Dutch sentence says "maandag". A word outside the set (from a version
/// before it) shows as stored.
/// </summary>
public sealed class WordSet(string prefix, IEnumerable<string> words)
{
    private readonly HashSet<string> _words = new(words, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Words => _words;

    public Text Of(string word) => _words.Contains(word) ? new Text(string.Concat(prefix, word)) : word;

    public Text List(IEnumerable<string> words) => Text.List(words.Select(Of));
}

/// <summary>The word sets every service shares, in ServiceDefaults' own <c>texts.json</c>.</summary>
public static class SharedWords
{
    /// <summary>Weekdays as the APIs name them (monday ... sunday).</summary>
    public static readonly WordSet Weekdays = new("shared.weekday.", Enum.GetValues<DayOfWeek>().Select(Name));

    public static Text Weekday(DayOfWeek day) => Weekdays.Of(Name(day));

    private static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();
}
