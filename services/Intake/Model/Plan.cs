namespace WijPlatform.Intake.Model;

/// <summary>One line of a household plan; which fields matter depends on the kind.</summary>
public sealed record PlanItem(
    Guid Id,
    Guid HouseholdId,
    string Kind,
    string Description,
    string? Name,
    string? Relation,
    string? Organisation,
    Guid? GoalId,
    string? Owner,
    DateOnly? DueDate,
    DateTime? DoneAt,
    string RecordedBy,
    DateTime RecordedAt,
    Guid? ReferralId = null)
{
    /// <summary>For an action that is a referral: where it went and the latest answer that came back.</summary>
    public ActionReferral? Referral { get; init; }
}

/// <summary>
/// The referral behind a plan action and its live status: sent, then what the other service
/// answered (confirmed = signed up, waitlisted, proposed, accepted, introduced, matched, declined, unmatched, ...).
/// </summary>
public sealed record ActionReferral(Guid Id, Guid CaseId, string Kind, string Target, string Status, DateTime UpdatedAt);

public static class PlanKinds
{
    public const string Network = "network";
    public const string Professional = "professional";
    public const string Strength = "strength";
    public const string Concern = "concern";
    public const string Goal = "goal";
    public const string Action = "action";
}

/// <summary>One household, one plan: who is involved, what they can do themselves, and what is agreed.</summary>
public sealed record HouseholdPlan(
    Guid HouseholdId,
    IReadOnlyList<PlanMember> Members,
    IReadOnlyList<PlanItem> InformalNetwork,
    IReadOnlyList<PlanItem> Professionals,
    IReadOnlyList<PlanItem> Strengths,
    IReadOnlyList<PlanItem> Concerns,
    IReadOnlyList<PlanGoal> Goals)
{
    /// <summary>True when the network, strengths and concerns were left out because the reader is not the household's regisseur.</summary>
    public bool Limited { get; init; }

    /// <summary>
    /// What a team member who is not the regisseur sees: who is in the household, which
    /// professionals are involved and what was agreed; not the personal notes on the household.
    /// </summary>
    public HouseholdPlan WithoutPersonalNotes() => this with { InformalNetwork = [], Strengths = [], Concerns = [], Limited = true };
}

public sealed record PlanMember(Guid ResidentId, string? FirstName, string? LastName);

public sealed record PlanGoal(PlanItem Goal, IReadOnlyList<PlanItem> Actions);

public static class PlanRules
{
    public static HouseholdPlan Compose(Guid householdId, IEnumerable<PlanMember> members, IReadOnlyCollection<PlanItem> items, IReadOnlyCollection<ActionReferral>? referrals = null)
    {
        if (referrals is { Count: > 0 })
        {
            var byId = referrals.ToDictionary(r => r.Id);
            items = items.Select(i => i.ReferralId is { } id && byId.TryGetValue(id, out var referral) ? i with { Referral = referral } : i).ToList();
        }
        IReadOnlyList<PlanItem> Of(string kind) => items.Where(i => i.Kind == kind).OrderBy(i => i.RecordedAt).ToList();
        var goals = Of(PlanKinds.Goal).Select(g => new PlanGoal(g, items.Where(a => a.Kind == PlanKinds.Action && a.GoalId == g.Id).OrderBy(a => a.DueDate).ToList())).ToList();
        return new HouseholdPlan(householdId, members.ToList(), Of(PlanKinds.Network), Of(PlanKinds.Professional), Of(PlanKinds.Strength), Of(PlanKinds.Concern), goals);
    }

    /// <summary>
    /// Eigen kracht first: professional help enters the plan only after what the household and
    /// its own network can do has been written down.
    /// </summary>
    public static bool OwnStrengthRecorded(IEnumerable<PlanItem> items) =>
        items.Any(i => i.Kind is PlanKinds.Strength or PlanKinds.Network);

    public static bool IsOverdue(PlanItem action, DateTimeOffset now) =>
        action.Kind == PlanKinds.Action && action.DoneAt is null && action.DueDate is { } due && due < Amsterdam.Today(now);
}
