namespace WijPlatform.Intake.Model;

public static class CaseStatus
{
    public const string Registered = "registered";
    public const string Triaged = "triaged";
    public const string Assigned = "assigned";
    public const string PlanInProgress = "plan-in-progress";
    public const string Closed = "closed";
}

public enum CaseAction
{
    Triage,
    Assign,
    StartPlan,
    Close,
    Reopen,
}

/// <summary>The result of asking a case to change: the new status, or why it may not.</summary>
public readonly record struct Transition(bool Allowed, string Status, Text? Refusal)
{
    public static Transition To(string status) => new(true, status, null);

    public static Transition Refused(string status, Text why) => new(false, status, why);
}

/// <summary>
/// registered → triaged → assigned → plan-in-progress → closed (with an outcome), and reopen.
/// A new regisseur may take over an assigned case or a running plan without losing it.
/// </summary>
public static class CaseLifecycle
{
    public static readonly string[] Outcomes = ["resolved", "referred-elsewhere", "own-network", "declined", "no-contact", "moved", "deceased"];

    public static Transition Apply(string status, CaseAction action, bool hasRegisseur) => (action, status) switch
    {
        (_, not (CaseStatus.Registered or CaseStatus.Triaged or CaseStatus.Assigned or CaseStatus.PlanInProgress or CaseStatus.Closed)) =>
            Transition.Refused(status, new Text("intake.case.unknown-status", status)),
        (CaseAction.Reopen, CaseStatus.Closed) => Transition.To(hasRegisseur ? CaseStatus.Assigned : CaseStatus.Registered),
        (CaseAction.Reopen, _) => Transition.Refused(status, "intake.case.reopen-only-closed"),
        (_, CaseStatus.Closed) => Transition.Refused(status, "intake.case.closed-reopen-first"),
        (CaseAction.Triage, CaseStatus.Registered or CaseStatus.Triaged) => Transition.To(CaseStatus.Triaged),
        (CaseAction.Triage, _) => Transition.Refused(status, "intake.case.triage-before-assignment"),
        (CaseAction.Assign, CaseStatus.Registered) => Transition.Refused(status, "intake.case.triage-first"),
        (CaseAction.Assign, CaseStatus.Triaged) => Transition.To(CaseStatus.Assigned),
        (CaseAction.Assign, _) => Transition.To(status),
        (CaseAction.StartPlan, CaseStatus.Assigned) => Transition.To(CaseStatus.PlanInProgress),
        (CaseAction.StartPlan, CaseStatus.PlanInProgress) => Transition.Refused(status, "intake.case.plan-in-progress"),
        (CaseAction.StartPlan, _) => Transition.Refused(status, "intake.case.assign-first"),
        (CaseAction.Close, _) => Transition.To(CaseStatus.Closed),
        _ => Transition.Refused(status, new Text("intake.case.action-not-possible", action.ToString(), status)),
    };
}
