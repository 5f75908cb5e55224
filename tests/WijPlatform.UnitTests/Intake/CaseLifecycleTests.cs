using WijPlatform.Intake.Model;

namespace WijPlatform.UnitTests.Intake;

public sealed class CaseLifecycleTests
{
    [Theory]
    [InlineData(CaseStatus.Registered, CaseAction.Triage, false, CaseStatus.Triaged)]
    [InlineData(CaseStatus.Triaged, CaseAction.Triage, false, CaseStatus.Triaged)]
    [InlineData(CaseStatus.Triaged, CaseAction.Assign, false, CaseStatus.Assigned)]
    [InlineData(CaseStatus.Assigned, CaseAction.Assign, true, CaseStatus.Assigned)]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.Assign, true, CaseStatus.PlanInProgress)]
    [InlineData(CaseStatus.Assigned, CaseAction.StartPlan, true, CaseStatus.PlanInProgress)]
    [InlineData(CaseStatus.Registered, CaseAction.Close, false, CaseStatus.Closed)]
    [InlineData(CaseStatus.Triaged, CaseAction.Close, false, CaseStatus.Closed)]
    [InlineData(CaseStatus.Assigned, CaseAction.Close, true, CaseStatus.Closed)]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.Close, true, CaseStatus.Closed)]
    [InlineData(CaseStatus.Closed, CaseAction.Reopen, true, CaseStatus.Assigned)]
    [InlineData(CaseStatus.Closed, CaseAction.Reopen, false, CaseStatus.Registered)]
    public void Allowed_steps_lead_to_the_next_status(string from, CaseAction action, bool hasRegisseur, string expected)
    {
        var transition = CaseLifecycle.Apply(from, action, hasRegisseur);
        Assert.True(transition.Allowed, transition.Refusal?.Key);
        Assert.Equal(expected, transition.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Assigned, CaseAction.Triage, "intake.case.triage-before-assignment")]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.Triage, "intake.case.triage-before-assignment")]
    [InlineData(CaseStatus.Registered, CaseAction.Assign, "intake.case.triage-first")]
    [InlineData(CaseStatus.Registered, CaseAction.StartPlan, "intake.case.assign-first")]
    [InlineData(CaseStatus.Triaged, CaseAction.StartPlan, "intake.case.assign-first")]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.StartPlan, "intake.case.plan-in-progress")]
    [InlineData(CaseStatus.Closed, CaseAction.Close, "intake.case.closed-reopen-first")]
    [InlineData(CaseStatus.Closed, CaseAction.Triage, "intake.case.closed-reopen-first")]
    [InlineData(CaseStatus.Closed, CaseAction.Assign, "intake.case.closed-reopen-first")]
    [InlineData(CaseStatus.Closed, CaseAction.StartPlan, "intake.case.closed-reopen-first")]
    [InlineData(CaseStatus.Registered, CaseAction.Reopen, "intake.case.reopen-only-closed")]
    [InlineData(CaseStatus.Triaged, CaseAction.Reopen, "intake.case.reopen-only-closed")]
    [InlineData(CaseStatus.Assigned, CaseAction.Reopen, "intake.case.reopen-only-closed")]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.Reopen, "intake.case.reopen-only-closed")]
    [InlineData("volunteer-requested", CaseAction.Close, "intake.case.unknown-status")]
    public void Refused_steps_keep_the_status_and_say_why(string from, CaseAction action, string why)
    {
        var transition = CaseLifecycle.Apply(from, action, hasRegisseur: from is CaseStatus.Assigned or CaseStatus.PlanInProgress);
        Assert.False(transition.Allowed);
        Assert.Equal(from, transition.Status);
        Assert.Equal(why, transition.Refusal?.Key);
    }

    [Fact]
    public void Every_action_in_every_status_has_an_answer()
    {
        string[] statuses = [CaseStatus.Registered, CaseStatus.Triaged, CaseStatus.Assigned, CaseStatus.PlanInProgress, CaseStatus.Closed];
        foreach (var status in statuses)
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                var transition = CaseLifecycle.Apply(status, action, hasRegisseur: true);
                Assert.True(transition.Allowed ^ transition.Refusal is not null, $"{action} in {status}");
                Assert.Contains(transition.Status, statuses);
            }
        }
    }
}
