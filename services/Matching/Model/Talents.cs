using System.Text;

namespace WijPlatform.Matching.Model;

/// <summary>
/// The talents the coordinator maintains. Volunteers pick from this list and may add free text;
/// requests from other services may name any talent, which then only meets free-text offers.
/// </summary>
public static class Talents
{
    public static readonly IReadOnlySet<string> Listed = new HashSet<string>(StringComparer.Ordinal)
    {
        "walk", "visit", "home-visit", "knitting", "computer-help", "garden", "odd-jobs",
        "shopping", "meal-delivery", "language-practice", "transport", "paperwork",
    };

    /// <summary>Tasks done inside someone's home: these need a valid certificate of conduct (VOG).</summary>
    public static readonly IReadOnlySet<string> InsideHome = new HashSet<string>(StringComparer.Ordinal)
    {
        "home-visit", "computer-help", "paperwork",
    };

    /// <summary>Lower case, words joined by hyphens: "Computer help" and "computer-help" are one talent.</summary>
    public static string Normalise(string talent)
    {
        var slug = new StringBuilder(talent.Length);
        foreach (var c in talent.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
