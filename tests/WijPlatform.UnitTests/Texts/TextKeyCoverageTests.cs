using System.Text.Json;
using System.Text.RegularExpressions;

namespace WijPlatform.UnitTests.Texts;

/// <summary>
/// Every text the code names must be in its catalogue in Dutch and English: a key ServiceDefaults
/// uses in ServiceDefaults/texts.json, a key a service uses there or in the service's own texts.json.
/// Code written before the catalogue (a sentence passed to Problems or Refusal) still shows, in
/// English; this test lists it, so that it is converted.
/// </summary>
public sealed partial class TextKeyCoverageTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] OwnerFolders = ["ServiceDefaults", "gateway/Gateway", "services/Intake", "services/Calendar", "services/Matching", "services/Cafe", "services/Notices"];

    public static TheoryData<string> Owners => [.. OwnerFolders];

    [Theory]
    [MemberData(nameof(Owners))]
    public void Every_text_named_in_code_is_in_its_catalogue_in_Dutch_and_English(string owner)
    {
        var catalogue = Catalogue("ServiceDefaults");
        if (owner != "ServiceDefaults")
        {
            foreach (var (key, wordings) in Catalogue(owner))
            {
                catalogue[key] = wordings;
            }
        }
        var lacking = new List<string>();
        foreach (var use in TextUses(owner))
        {
            if (use.Key is null)
            {
                lacking.Add($"{use.Place}: a sentence in code, not a key: {use.Code}");
                continue;
            }
            var known = use.Key.EndsWith('.')
                ? catalogue.Where(t => t.Key.StartsWith(use.Key, StringComparison.Ordinal)).ToList()
                : catalogue.TryGetValue(use.Key, out var wordings) ? [new(use.Key, wordings)] : [];
            var languages = known.Count == 0 ? [] : known.Select(t => t.Value.Keys.ToHashSet()).Aggregate((a, b) => [.. a.Intersect(b)]);
            var missing = new[] { "nl", "en" }.Where(l => !languages.Contains(l)).ToList();
            if (missing.Count > 0)
            {
                lacking.Add($"{use.Place}: \"{use.Key}\" lacks {string.Join(" and ", missing)}");
            }
        }
        Assert.True(lacking.Count == 0, $"Texts missing from {owner}'s catalogue:\n{string.Join("\n", lacking.Distinct())}");
    }

    [Fact]
    public void The_scan_finds_sentences_and_unknown_keys_where_texts_belong()
    {
        var uses = Uses("""
            return Problems.Conflict("Group is full.", $"Group {id} has {free} places.");
            return Refusal.Invalid("size", new Text("calendar.group-size", max));
            return Problems.NotFound("group", id);
            """, "x.cs").ToList();
        Assert.Equal(["Group is full.", null, "calendar.group-size", "group", "calendar.group-size"], uses.Select(u => u.Key));
        Assert.Equal("$\"Group {id} has {free} places.\"", uses[1].Code);
        Assert.DoesNotContain(uses, u => u.Key == "size");
    }

    [Fact]
    public void Every_catalogue_has_both_languages_for_every_key_and_the_same_placeholders()
    {
        var wrong = new List<string>();
        foreach (var owner in OwnerFolders)
        {
            foreach (var (key, wordings) in Catalogue(owner))
            {
                if (!wordings.TryGetValue("nl", out var nl) || !wordings.TryGetValue("en", out var en))
                {
                    wrong.Add($"{owner}: {key} lacks a language");
                }
                else if (!Placeholders(nl).SetEquals(Placeholders(en)))
                {
                    wrong.Add($"{owner}: {key} has other placeholders in Dutch than in English");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static HashSet<string> Placeholders(string template) => [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value)];

    private sealed record Use(string Place, string? Key, string Code);

    /// <summary>Which arguments of a call are texts; the first argument of a 404 is the record's noun, itself a key.</summary>
    private static readonly Dictionary<string, int[]> TextArguments = new()
    {
        ["NotFound"] = [0, 2],
        ["Missing"] = [0, 2],
        ["Conflict"] = [0, 1],
        ["Forbidden"] = [0],
        ["NotYours"] = [0],
        ["Invalid"] = [1],
        ["WriteAsync"] = [2, 3],
        ["Problem"] = [1, 2],
        ["Text"] = [0],
    };

    private static IEnumerable<Use> TextUses(string owner) =>
        Directory.EnumerateFiles(Path.Combine(Root, owner), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Uses(File.ReadAllText(f), Path.GetRelativePath(Root, f)));

    private static IEnumerable<Use> Uses(string code, string file)
    {
        string Place(int at) => $"{file}:{code.AsSpan(0, at).Count('\n') + 1}";
        foreach (Match call in Call().Matches(code))
        {
            var arguments = Arguments(code, call.Index + call.Length);
            foreach (var index in TextArguments[call.Groups["method"].Value].Where(i => i < arguments.Count))
            {
                var argument = arguments[index].Trim();
                if (argument.StartsWith("$\"", StringComparison.Ordinal) || argument.StartsWith("$@\"", StringComparison.Ordinal))
                {
                    yield return new(Place(call.Index), null, argument);
                }
                else if (StringLiteral().Match(argument) is { Success: true } literal)
                {
                    yield return new(Place(call.Index), literal.Groups[1].Value, argument);
                }
            }
        }
        // Keys kept in constants and switch expressions.
        foreach (Match key in KeyLiteral().Matches(code))
        {
            yield return new(Place(key.Index), key.Groups[1].Value, key.Value);
        }
    }

    /// <summary>The top-level arguments of the call whose '(' ends just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string code, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                var verbatim = i > 0 && (code[i - 1] == '@' || (code[i - 1] == '$' && i > 1 && code[i - 2] == '@'));
                for (i++; i < code.Length && code[i] != '"'; i++)
                {
                    if (!verbatim && code[i] == '\\')
                    {
                        i++;
                    }
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    arguments.Add(code[from..i]);
                    return arguments;
                }
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(code[from..i]);
                from = i + 1;
            }
        }
        return arguments;
    }

    private static Dictionary<string, Dictionary<string, string>> Catalogue(string owner) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Path.Combine(Root, owner, "texts.json")))!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WijPlatform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("WijPlatform.sln not found above the test's directory.");
    }

    [GeneratedRegex(@"\b(?:(?:Problems|Refusal)\.(?<method>NotFound|Missing|Conflict|Forbidden|NotYours|Invalid|WriteAsync|Problem)|new (?<method>Text))\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^""((?:[^""\\]|\\.)*)""$")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"""((?:shared|cafe|calendar|intake|matching|notices|gateway)\.[\p{L}0-9.-]+)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
