namespace WijPlatform.Intake.Model;

/// <summary>How one of the resident's questions is going, as the desk may tell them: no description, notes or plan.</summary>
public sealed record QuestionStatus(Guid CaseId, string Channel, string[] Domains, string Status, DateTime RegisteredAt, string? Outcome, DateTime? ClosedAt, string? Regisseur)
{
    public IReadOnlyList<ReferralStatus> Referrals { get; init; } = [];

    // Materialization from a row sets the properties; arrays cannot bind to the positional constructor.
    private QuestionStatus()
        : this(Guid.Empty, "", [], "", default, null, null, null)
    {
    }
}

public sealed record ReferralStatus(Guid Id, Guid CaseId, string Kind, string Status, DateTime UpdatedAt);
