using WijPlatform.Intake.Apis;
using WijPlatform.Intake.Model;

namespace WijPlatform.UnitTests.Intake;

public sealed class NeighbourhoodTableTests
{
    [Theory]
    [InlineData("9712 HW", "Groningen Centrum")]
    [InlineData("9742 AB", "Groningen Noordwest")]
    [InlineData("9799 ZZ", "Groningen")]
    [InlineData("3706 AB", "Zeist Noord")]
    [InlineData("3705 AB", "Zeist Oost")]
    public void The_shipped_table_finds_the_narrowest_neighbourhood(string postcode, string expected)
    {
        Assert.True(Postcode.TryParse(postcode, out var parsed));
        Assert.Equal(expected, NeighbourhoodTable.Default.Find(parsed.Value));
    }

    [Fact]
    public void A_postcode_outside_the_table_has_no_neighbourhood()
    {
        Assert.True(Postcode.TryParse("1012 AB", out var amsterdam));
        Assert.Null(NeighbourhoodTable.Default.Find(amsterdam.Value));
    }

    [Fact]
    public void A_configured_table_replaces_the_shipped_one()
    {
        var table = new NeighbourhoodTable(new Dictionary<string, string> { ["1011-1018"] = "Amsterdam Centrum" });
        Assert.True(Postcode.TryParse("1012 AB", out var amsterdam));
        Assert.Equal("Amsterdam Centrum", table.Find(amsterdam.Value));
    }

    [Theory]
    [InlineData("97")]
    [InlineData("9712-9711")]
    [InlineData("abcd")]
    public void A_malformed_range_is_refused_at_start(string range) =>
        Assert.Throws<ArgumentException>(() => new NeighbourhoodTable(new Dictionary<string, string> { [range] = "X" }));
}

public sealed class ConsentTests
{
    private static readonly Guid Resident = Guid.NewGuid();

    private static Consent Given(string purpose, string recipient, DateTime? withdrawn = null) =>
        new(Guid.NewGuid(), Resident, purpose, recipient, DateTime.UtcNow, "desk-1", withdrawn);

    [Fact]
    public void Consent_covers_only_its_own_purpose_and_recipient()
    {
        var consents = new[] { Given(ConsentPurposes.ShareWithPartner, "Lentis") };
        Assert.True(ConsentPurposes.Covers(consents, ConsentPurposes.ShareWithPartner, "lentis"));
        Assert.False(ConsentPurposes.Covers(consents, ConsentPurposes.ShareWithPartner, "Humanitas"));
        Assert.False(ConsentPurposes.Covers(consents, ConsentPurposes.ShareWithVolunteer, "matching"));
    }

    [Fact]
    public void A_withdrawn_consent_covers_nothing()
    {
        var consents = new[] { Given(ConsentPurposes.ShareWithVolunteer, "matching", DateTime.UtcNow) };
        Assert.False(ConsentPurposes.Covers(consents, ConsentPurposes.ShareWithVolunteer, "matching"));
    }

    [Theory]
    [InlineData(ConsentPurposes.ShareWithVolunteer, "matching")]
    [InlineData(ConsentPurposes.ActivitySignup, "calendar")]
    [InlineData(ConsentPurposes.MealDelivery, "cafe")]
    [InlineData(ConsentPurposes.ShareWithPartner, null)]
    public void Each_purpose_has_its_recipient(string purpose, string? recipient) =>
        Assert.Equal(recipient, ConsentPurposes.FixedRecipient(purpose));
}

public sealed class PlanRulesTests
{
    private static readonly Guid Household = Guid.NewGuid();

    private static PlanItem Item(string kind, DateOnly? due = null, DateTime? done = null, Guid? goal = null) =>
        new(Guid.NewGuid(), Household, kind, "x", null, null, null, goal, null, due, done, "desk-1", DateTime.UtcNow);

    [Fact]
    public void Professional_help_waits_for_the_households_own_strength_or_network()
    {
        Assert.False(PlanRules.OwnStrengthRecorded([Item(PlanKinds.Concern), Item(PlanKinds.Goal)]));
        Assert.True(PlanRules.OwnStrengthRecorded([Item(PlanKinds.Concern), Item(PlanKinds.Strength)]));
        Assert.True(PlanRules.OwnStrengthRecorded([Item(PlanKinds.Network)]));
    }

    [Fact]
    public void An_action_is_overdue_from_the_day_after_its_due_date_in_Amsterdam()
    {
        // 23:30 UTC on 1 March is already 2 March in Amsterdam.
        var now = new DateTimeOffset(2031, 3, 1, 23, 30, 0, TimeSpan.Zero);
        Assert.True(PlanRules.IsOverdue(Item(PlanKinds.Action, new DateOnly(2031, 3, 1)), now));
        Assert.False(PlanRules.IsOverdue(Item(PlanKinds.Action, new DateOnly(2031, 3, 2)), now));
        Assert.False(PlanRules.IsOverdue(Item(PlanKinds.Action, new DateOnly(2031, 2, 1), done: DateTime.UtcNow), now));
    }

    [Fact]
    public void The_plan_groups_actions_under_their_goals()
    {
        var goal = Item(PlanKinds.Goal);
        var later = Item(PlanKinds.Action, new DateOnly(2031, 5, 1), goal: goal.Id);
        var sooner = Item(PlanKinds.Action, new DateOnly(2031, 4, 1), goal: goal.Id);
        var plan = PlanRules.Compose(Household, [], [goal, later, sooner, Item(PlanKinds.Strength)]);
        Assert.Equal([sooner.Id, later.Id], plan.Goals.Single().Actions.Select(a => a.Id));
        Assert.Single(plan.Strengths);
        Assert.Empty(plan.Professionals);
    }
}

public sealed class ReferralAnswersTests
{
    [Fact]
    public void Matching_answers_name_the_volunteer_by_first_name_and_set_the_status()
    {
        var request = Guid.NewGuid();
        var matched = ReferralAnswers.From(new VolunteerMatched(request, Guid.NewGuid(), Guid.NewGuid(), "Henk"));
        Assert.Equal((request, "matched"), (matched.ReferralId, matched.Status));
        Assert.Contains("Henk", matched.Detail.Args);
        Assert.Equal("unmatched", ReferralAnswers.From(new VolunteerRequestUnmatched(request, UnmatchedReasons.NotInTime, ["72"])).Status);
        Assert.Equal("proposed", ReferralAnswers.From(new VolunteerMatchProposed(request, Guid.NewGuid(), Guid.NewGuid(), "Ria")).Status);
        Assert.Equal("ended", ReferralAnswers.From(new VolunteerMatchEnded(request, Guid.NewGuid(), "moved away")).Status);
    }

    [Theory]
    [InlineData("sent", "proposed", true)]
    [InlineData("proposed", "matched", true)]
    [InlineData("matched", "proposed", false)]
    [InlineData("matched", "ended", true)]
    [InlineData("ended", "proposed", true)]
    [InlineData("waitlisted", "confirmed", true)]
    [InlineData("confirmed", "waitlisted", false)]
    [InlineData("confirmed", "cancelled", true)]
    public void A_late_weaker_answer_does_not_undo_a_stronger_one(string current, string next, bool replaces) =>
        Assert.Equal(replaces, ReferralAnswers.Replaces(current, next));

    [Fact]
    public void After_a_decline_the_next_volunteers_proposal_replaces_it_but_the_declined_matchs_own_late_proposal_does_not()
    {
        var declined = Guid.NewGuid();
        Assert.False(ReferralAnswers.Replaces("declined", declined, new ReferralAnswer(Guid.NewGuid(), "proposed", "volunteer-proposed", "", declined)));
        Assert.True(ReferralAnswers.Replaces("declined", declined, new ReferralAnswer(Guid.NewGuid(), "proposed", "volunteer-proposed", "", Guid.NewGuid())));
    }

    [Fact]
    public void Calendar_answers_without_a_referral_are_not_intakes()
    {
        Assert.Null(ReferralAnswers.From(new SignupConfirmed(null, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow)));
        Assert.Null(ReferralAnswers.From(new SignupWaitlisted(null, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow, 2)));
        Assert.Null(ReferralAnswers.From(new SignupPromoted(null, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow)));
    }

    [Fact]
    public void Calendar_answers_show_the_time_in_Amsterdam()
    {
        var referral = Guid.NewGuid();
        var waitlisted = ReferralAnswers.From(new SignupWaitlisted(referral, Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2031, 7, 1, 12, 0, 0, TimeSpan.Zero), 3))!;
        Assert.Equal("waitlisted", waitlisted.Status);
        Assert.Equal("Op de wachtlijst op plaats 3 voor 2031-07-01 14:00.", IntakeTexts.OnTimeline(waitlisted.Detail));
        Assert.Equal("confirmed", ReferralAnswers.From(new SignupPromoted(referral, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow))!.Status);
        Assert.Equal("refused", ReferralAnswers.From(new ReferralRefused(referral, "full")).Status);
    }

    [Fact]
    public void A_cancelled_activity_answers_every_affected_referral_once()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var answers = ReferralAnswers.From(new ActivityCancelled(Guid.NewGuid(), null, [a, b, a])).ToList();
        Assert.Equal([a, b], answers.Select(x => x.ReferralId));
        Assert.All(answers, x => Assert.Equal("cancelled", x.Status));
    }
}

public sealed class RequestRulesTests
{
    [Fact]
    public void A_referral_names_what_its_kind_needs()
    {
        var now = new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Contains("talent", new Refer("volunteer").Validate(now).Keys);
        Assert.Contains("activityId", new Refer("activity").Validate(now).Keys);
        Assert.Contains("partner", new Refer("partner", FollowUpOn: new DateOnly(2031, 4, 1)).Validate(now).Keys);
        Assert.Contains("followUpOn", new Refer("partner", Partner: "Lentis", FollowUpOn: new DateOnly(2031, 2, 1)).Validate(now).Keys);
        Assert.Empty(new Refer("partner", Partner: "Lentis", FollowUpOn: new DateOnly(2031, 3, 1)).Validate(now));
    }

    [Fact]
    public void A_resident_who_prefers_email_needs_an_address_and_nobody_is_born_tomorrow()
    {
        var now = new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var errors = new RegisterResident("Anna", "Jansen", new DateOnly(2031, 3, 2), "9712 HW", "12", "email").Validate(now);
        Assert.Contains("email", errors.Keys);
        Assert.Contains("dateOfBirth", errors.Keys);
        Assert.Empty(new RegisterResident("Anna", "Jansen", new DateOnly(1938, 3, 2), "9712 HW", "12", "home-visit").Validate(now));
    }
}
