using System.Text;

namespace WijPlatform.Contracts.Vocabulary;

/// <summary>
/// The talents volunteers offer and requests ask for, one word each in every service and message.
/// Volunteers may add free text; a request names a listed talent.
/// </summary>
public static class Talents
{
    public const string Walk = "walk";
    public const string Visit = "visit";
    public const string HomeVisit = "home-visit";
    public const string Knitting = "knitting";
    public const string ComputerHelp = "computer-help";
    public const string Garden = "garden";
    public const string OddJobs = "odd-jobs";
    public const string Shopping = "shopping";
    public const string MealDelivery = "meal-delivery";
    public const string LanguagePractice = "language-practice";
    public const string Transport = "transport";
    public const string Paperwork = "paperwork";

    public static readonly IReadOnlySet<string> Listed = new HashSet<string>(StringComparer.Ordinal)
    {
        Walk, Visit, HomeVisit, Knitting, ComputerHelp, Garden, OddJobs, Shopping, MealDelivery, LanguagePractice, Transport, Paperwork,
    };

    /// <summary>Tasks done inside someone's home: these need a valid certificate of conduct (VOG).</summary>
    public static readonly IReadOnlySet<string> InsideHome = new HashSet<string>(StringComparer.Ordinal) { HomeVisit, ComputerHelp, Paperwork };

    public static bool IsListed(string? talent) => talent is not null && Listed.Contains(Normalise(talent));

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
