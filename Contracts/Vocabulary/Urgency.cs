namespace WijPlatform.Contracts.Vocabulary;

/// <summary>How soon a question or a volunteer request needs an answer; the same words in every service and message.</summary>
public static class Urgency
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Crisis = "crisis";

    public static readonly IReadOnlyList<string> Levels = [Low, Normal, High, Crisis];

    public static bool IsKnown(string? urgency) => urgency is not null && Levels.Contains(urgency);

    /// <summary>Low 0 to crisis 3; an unknown word counts as normal.</summary>
    public static int Rank(string? urgency) => urgency is not null && Levels.Contains(urgency) ? Levels.ToList().IndexOf(urgency) : 1;
}
