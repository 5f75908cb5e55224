using WijPlatform.Contracts;

namespace WijPlatform.Intake.Model;

/// <summary>A referral from a case: to a volunteer (matching), an activity (calendar) or a specialist partner.</summary>
public sealed record Referral(Guid Id, Guid CaseId, string Kind, string Target, string Status, DateOnly? FollowUpOn, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static readonly string[] Kinds = ["volunteer", "activity", "partner"];
}

/// <summary>What an answer from another service means for a referral and the case timeline.</summary>
public sealed record ReferralAnswer(Guid ReferralId, string Status, string Event, string Detail);

public static class ReferralAnswers
{
    public static ReferralAnswer From(VolunteerMatchProposed m) => new(m.RequestId, "proposed", "volunteer-proposed", $"Volunteer {m.VolunteerFirstName} proposed.");

    public static ReferralAnswer From(VolunteerMatched m) => new(m.RequestId, "matched", "volunteer-matched", $"Volunteer {m.VolunteerFirstName} matched.");

    public static ReferralAnswer From(VolunteerRequestUnmatched m) => new(m.RequestId, "unmatched", "volunteer-unmatched", $"No volunteer found: {m.Reason}");

    public static ReferralAnswer From(VolunteerMatchEnded m) => new(m.RequestId, "ended", "volunteer-match-ended", $"Volunteer match ended: {m.Reason}");

    public static ReferralAnswer? From(SignupConfirmed m) => m.ReferralId is { } id ? new(id, "confirmed", "activity-signup-confirmed", $"Signed up for {Amsterdam(m.OccurrenceStart)}.") : null;

    public static ReferralAnswer? From(SignupWaitlisted m) => m.ReferralId is { } id ? new(id, "waitlisted", "activity-waitlisted", $"On the waiting list at position {m.Position} for {Amsterdam(m.OccurrenceStart)}.") : null;

    public static ReferralAnswer? From(SignupPromoted m) => m.ReferralId is { } id ? new(id, "confirmed", "activity-promoted", $"Moved from the waiting list to a seat for {Amsterdam(m.OccurrenceStart)}.") : null;

    public static IEnumerable<ReferralAnswer> From(ActivityCancelled m) =>
        m.AffectedReferralIds.Distinct().Select(id => new ReferralAnswer(id, "cancelled", "activity-cancelled",
            m.OccurrenceStart is { } at ? $"The activity on {Amsterdam(at)} was cancelled." : "The activity was cancelled."));

    public static ReferralAnswer From(ReferralRefused m) => new(m.ReferralId, "refused", "activity-referral-refused", $"The calendar refused the referral: {m.Reason}");

    /// <summary>
    /// Answers can arrive out of order: a proposal that arrives after the match, or a waiting-list
    /// place after the seat, is shown on the timeline but does not undo the referral's status.
    /// </summary>
    public static bool Replaces(string current, string next) => (current, next) switch
    {
        ("matched", "proposed") => false,
        ("confirmed", "waitlisted") => false,
        _ => true,
    };

    private static string Amsterdam(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZones.Amsterdam).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public static class TimeZones
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly TodayInAmsterdam(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Amsterdam).DateTime);
}
