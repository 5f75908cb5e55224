namespace WijPlatform.Matching.Apis;

/// <summary>Stored statuses as words inside a sentence for people, in their language: the API keeps the stored word.</summary>
public static class MatchingWords
{
    public static readonly WordSet RequestStatuses = new("matching.request-status.",
        [RequestStatus.Open, RequestStatus.Proposed, RequestStatus.Matched, RequestStatus.Closed]);

    public static readonly WordSet ApplicationStatuses = new("matching.application-status.",
        [ApplicationStatus.Pending, ApplicationStatus.Approved, ApplicationStatus.Declined]);

    public static readonly WordSet VogStatuses = new("matching.vog-status.", Vog.Statuses);

    public static readonly WordSet MatchStatuses = new("matching.match-status.",
        [MatchStatus.Proposed, MatchStatus.Introduced, MatchStatus.Active, MatchStatus.Evaluated, MatchStatus.Ended, MatchStatus.Declined]);
}
