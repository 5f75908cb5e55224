using System.Globalization;
using System.Text.RegularExpressions;

namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>
/// The texts of one service: ServiceDefaults' shared <c>texts.json</c> and the service's own, both
/// embedded, each key with its Dutch and English wording side by side. A key the catalogue lacks
/// (or lacks in the asked language) falls back to English, then to the key itself.
/// </summary>
public sealed partial class TextCatalogue
{
    public const string ResourceName = "WijPlatform.texts.json";

    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private readonly Dictionary<string, Dictionary<string, string>> texts = new(StringComparer.Ordinal);

    public TextCatalogue(params IEnumerable<Assembly> assemblies)
    {
        patterns = new(EnglishPatterns);
        foreach (var assembly in assemblies)
        {
            using var stream = assembly.GetManifestResourceStream(ResourceName);
            if (stream is null)
            {
                continue;
            }
            foreach (var (key, wordings) in JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!)
            {
                texts[key] = wordings;
            }
        }
    }

    public IReadOnlyCollection<string> Keys => texts.Keys;

    /// <summary>The wording of <paramref name="key"/> in <paramref name="language"/> ("nl", "en"), if the catalogue has it.</summary>
    public string? Wording(string key, string language) =>
        texts.TryGetValue(key, out var wordings) && wordings.TryGetValue(language, out var wording) ? wording : null;

    /// <summary><paramref name="text"/> in <paramref name="culture"/>, its arguments formatted the same way.</summary>
    public string Render(Text text, CultureInfo culture)
    {
        var template = Wording(text.Key, culture.TwoLetterISOLanguageName) ?? Wording(text.Key, English.TwoLetterISOLanguageName) ?? text.Key;
        if (text.Args.Count == 0)
        {
            return template;
        }
        var args = text.Args.Select(a => a is Text inner ? Render(inner, culture) : a).ToArray();
        try
        {
            return string.Format(culture, template, args);
        }
        catch (FormatException)
        {
            // A sentence that was never a template (unconverted code with a brace in it) shows as written.
            return template;
        }
    }

    /// <summary>
    /// A message written as a string: a key of the catalogue, or what an ASP.NET part wrote in English
    /// (a data annotation's "The {0} field is required."), which the catalogue recognises when it has
    /// that English wording under a <see cref="TranslatedPrefix"/> key; anything else as written.
    /// </summary>
    public string Translate(string message, CultureInfo culture)
    {
        if (texts.ContainsKey(message))
        {
            return Render(new Text(message), culture);
        }
        foreach (var (key, pattern) in patterns.Value)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                var args = new object?[match.Groups.Count];
                foreach (var group in match.Groups.Cast<Group>().Where(g => g.Success && g.Name.StartsWith('a')))
                {
                    args[int.Parse(group.Name[1..], CultureInfo.InvariantCulture)] = group.Value;
                }
                return Render(new Text(key, args), culture);
            }
        }
        return message;
    }

    /// <summary>Keys of texts that ASP.NET writes in English, which the catalogue recognises by their English wording.</summary>
    public const string TranslatedPrefix = "aspnet.";

    private readonly Lazy<(string Key, Regex Pattern)[]> patterns;

    private (string Key, Regex Pattern)[] EnglishPatterns() =>
        [.. texts.Where(t => t.Key.StartsWith(TranslatedPrefix, StringComparison.Ordinal) && t.Value.ContainsKey("en"))
            .Select(t => (t.Key, new Regex("^" + Placeholder().Replace(Regex.Escape(t.Value["en"]), m => $"(?<a{m.Groups[1].Value}>.+?)") + "$", RegexOptions.CultureInvariant)))];

    [GeneratedRegex(@"\\\{(\d+)}")]
    private static partial Regex Placeholder();
}
