namespace WijPlatform.Cafe.Apis;

/// <summary>Checks lists of codes (allergens, diet tags, weekdays) against the words the API knows.</summary>
internal static class Vocabulary
{
    public static ValidationProblem? Check(string field, IEnumerable<string>? values, string[] allowed)
    {
        var unknown = (values ?? []).Where(v => !allowed.Contains(v)).ToList();
        return unknown.Count == 0
            ? null
            : Problems.Invalid(field, new Text("cafe.unknown-value-s-use", string.Join(", ", unknown), string.Join(", ", allowed)));
    }

    public static string[] Clean(IEnumerable<string>? values) => (values ?? []).Distinct().Order(StringComparer.Ordinal).ToArray();
}
