namespace WijPlatform.Matching.Apis;

/// <summary>A match's status as a word inside a sentence for people, in their language: the API keeps the stored word.</summary>
public static class MatchingWords
{
    public static readonly WordSet MatchStatuses = new("matching.match-status.",
        [MatchStatus.Proposed, MatchStatus.Introduced, MatchStatus.Active, MatchStatus.Evaluated, MatchStatus.Ended, MatchStatus.Declined]);
}
