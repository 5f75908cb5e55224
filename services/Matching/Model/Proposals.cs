namespace WijPlatform.Matching.Model;

/// <summary>When the best candidate is clear enough to propose without waiting for the coordinator.</summary>
public sealed class AutoProposalOptions
{
    /// <summary>The best score must reach this.</summary>
    public double MinScore { get; set; } = 0.6;

    /// <summary>And lead the runner-up by at least this much; otherwise a person chooses.</summary>
    public double MinLead { get; set; } = 0.05;

    public Candidate? Pick(IReadOnlyList<Candidate> ranked) =>
        ranked.Count > 0 && ranked[0].Score >= MinScore && (ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= MinLead)
            ? ranked[0]
            : null;
}

public sealed record Proposal(Guid RequestId, Candidate Candidate);

/// <summary>Proposes for a whole queue: the most urgent and the longest waiting first, each taking load from its volunteer.</summary>
public static class MatchPlanner
{
    public static IReadOnlyList<Proposal> ProposeAll(CandidateIndex index, IEnumerable<VolunteerRequest> open, DateOnly today, Func<IReadOnlyList<Candidate>, Candidate?> choose)
    {
        var proposals = new List<Proposal>();
        foreach (var request in open.OrderByDescending(r => Urgency.Rank(r.Urgency)).ThenBy(r => r.CreatedAt))
        {
            var ranked = index.Rank(new RankingQuery(request, today), 2);
            if (choose(ranked) is { } chosen)
            {
                index.AddActive(chosen.VolunteerId);
                proposals.Add(new Proposal(request.Id, chosen));
            }
        }
        return proposals;
    }
}
