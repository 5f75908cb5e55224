using WijPlatform.Intake.Apis;
using WijPlatform.Intake.Model;

namespace WijPlatform.UnitTests.Intake;

public sealed class SignalRulesTests
{
    [Theory]
    [InlineData("low", "high")]
    [InlineData("normal", "high")]
    [InlineData("high", "high")]
    [InlineData("crisis", "crisis")]
    public void A_no_answer_makes_the_case_at_least_high_and_never_lowers_it(string urgency, string expected) =>
        Assert.Equal(expected, CaseSignals.RaiseForNoAnswer(urgency));

    [Fact]
    public void The_no_answer_text_names_the_day_but_no_personal_data()
    {
        var text = CaseSignals.NoAnswer(new DeliveryNoAnswerSignalled(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 23), DateTimeOffset.UtcNow));
        Assert.Contains("2026-11-23", IntakeTexts.OnTimeline(text));
        Assert.Contains("contactpersoon voor noodgevallen", IntakeTexts.OnTimeline(text));
    }

    [Fact]
    public void Repeated_no_shows_say_how_often_and_when()
    {
        var text = CaseSignals.NoShows(new RepeatedNoShowsRecorded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 12, 1), 3));
        Assert.Contains("3 keer", IntakeTexts.OnTimeline(text));
        Assert.Contains("2026-12-01", IntakeTexts.OnTimeline(text));
    }

    [Fact]
    public void Partner_cafe_and_calendar_signals_all_go_to_the_signals_worklist() =>
        Assert.Equal(["partner-signal", "cafe-no-answer", "activity-no-shows"], CaseSignals.Kinds);
}

public sealed class MatchLifecycleAnswersTests
{
    [Fact]
    public void Introductions_declines_and_evaluations_reach_the_referral()
    {
        var request = Guid.NewGuid();
        Assert.Equal("introduced", ReferralAnswers.From(new VolunteerMatchIntroduced(request, Guid.NewGuid(), Guid.NewGuid())).Status);
        var declined = ReferralAnswers.From(new VolunteerMatchDeclined(request, Guid.NewGuid(), "volunteer"));
        Assert.Equal(("declined", "volunteer-declined"), (declined.Status, declined.Event));
        Assert.Contains("volgende vrijwilliger", IntakeTexts.OnTimeline(declined.Detail));
        Assert.Equal("evaluated", ReferralAnswers.From(new VolunteerMatchEvaluated(request, Guid.NewGuid())).Status);
    }

    [Theory]
    [InlineData("proposed", "introduced", true)]
    [InlineData("introduced", "declined", true)]
    [InlineData("declined", "proposed", true)]
    [InlineData("matched", "introduced", false)]
    [InlineData("matched", "declined", false)]
    [InlineData("matched", "evaluated", true)]
    [InlineData("evaluated", "matched", false)]
    [InlineData("evaluated", "ended", true)]
    [InlineData("ended", "evaluated", false)]
    public void A_late_answer_does_not_undo_a_later_step(string current, string next, bool replaces) =>
        Assert.Equal(replaces, ReferralAnswers.Replaces(current, next));

    [Fact]
    public void The_cafes_answers_set_accepted_or_declined()
    {
        var referral = Guid.NewGuid();
        var accepted = ReferralAnswers.From(new MealDeliveryAccepted(referral, Guid.NewGuid(), ["monday", "thursday"], new DateOnly(2026, 12, 7)));
        Assert.Equal((referral, "accepted"), (accepted.ReferralId, accepted.Status));
        Assert.Equal("Het café bezorgt maaltijden op maandag en donderdag vanaf 2026-12-07.", IntakeTexts.OnTimeline(accepted.Detail));
        var declined = ReferralAnswers.From(new MealDeliveryDeclined(referral, "outside the delivery area"));
        Assert.Equal("declined", declined.Status);
        Assert.Equal("Het café kan geen maaltijden bezorgen: outside the delivery area", IntakeTexts.OnTimeline(declined.Detail));
    }
}

public sealed class MealDeliveryReferralTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Weekdays_are_normalised_to_week_order_once_each() =>
        Assert.Equal(["monday", "thursday"], MealDeliveryDays.Normalise(["Thursday", "monday ", "thursday"]));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("monday,someday")]
    public void A_meal_delivery_referral_needs_real_weekdays(string? weekdays)
    {
        var errors = new Refer("meal-delivery", Weekdays: weekdays?.Split(',', StringSplitOptions.RemoveEmptyEntries)).Validate(Now);
        Assert.Contains("weekdays", errors.Keys);
    }

    [Fact]
    public void A_meal_delivery_cannot_start_in_the_past()
    {
        Assert.Contains("startsOn", new Refer("meal-delivery", Weekdays: ["friday"], StartsOn: new DateOnly(2026, 11, 22)).Validate(Now).Keys);
        Assert.Empty(new Refer("meal-delivery", Weekdays: ["friday"], StartsOn: new DateOnly(2026, 11, 23)).Validate(Now));
    }
}
