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
        Assert.True(transition.Allowed, transition.Refusal);
        Assert.Equal(expected, transition.Status);
    }

    [Theory]
    [InlineData(CaseStatus.Assigned, CaseAction.Triage, "before assignment")]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.Triage, "before assignment")]
    [InlineData(CaseStatus.Registered, CaseAction.Assign, "Triage the case")]
    [InlineData(CaseStatus.Registered, CaseAction.StartPlan, "Assign a regisseur")]
    [InlineData(CaseStatus.Triaged, CaseAction.StartPlan, "Assign a regisseur")]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.StartPlan, "already in progress")]
    [InlineData(CaseStatus.Closed, CaseAction.Close, "closed")]
    [InlineData(CaseStatus.Closed, CaseAction.Triage, "closed")]
    [InlineData(CaseStatus.Closed, CaseAction.Assign, "closed")]
    [InlineData(CaseStatus.Closed, CaseAction.StartPlan, "closed")]
    [InlineData(CaseStatus.Registered, CaseAction.Reopen, "Only a closed case")]
    [InlineData(CaseStatus.Triaged, CaseAction.Reopen, "Only a closed case")]
    [InlineData(CaseStatus.Assigned, CaseAction.Reopen, "Only a closed case")]
    [InlineData(CaseStatus.PlanInProgress, CaseAction.Reopen, "Only a closed case")]
    [InlineData("volunteer-requested", CaseAction.Close, "unknown status")]
    public void Refused_steps_keep_the_status_and_say_why(string from, CaseAction action, string why)
    {
        var transition = CaseLifecycle.Apply(from, action, hasRegisseur: from is CaseStatus.Assigned or CaseStatus.PlanInProgress);
        Assert.False(transition.Allowed);
        Assert.Equal(from, transition.Status);
        Assert.Contains(why, transition.Refusal);
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
