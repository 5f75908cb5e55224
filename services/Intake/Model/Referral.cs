namespace WijPlatform.Intake.Model;

/// <summary>A referral from a case: to a volunteer (matching), an activity (calendar), meal delivery (café) or a specialist partner.</summary>
public sealed record Referral(Guid Id, Guid CaseId, string Kind, string Target, string Status, DateOnly? FollowUpOn, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static readonly string[] Kinds = ["volunteer", "activity", "meal-delivery", "partner"];
}

/// <summary>What an answer from another service means for a referral and the case timeline.</summary>
/// <param name="MatchId">The match a volunteer answer is about: a late proposal of a match already declined must not reopen it.</param>
/// <remarks><see cref="Detail"/> names a text of intake's catalogue; the timeline keeps it in Dutch (see <see cref="Infrastructure.CaseStore.Append(UnitOfWork, Guid, string, Text, string, DateTime)"/>).</remarks>
public sealed record ReferralAnswer(Guid ReferralId, string Status, string Event, Text Detail, Guid? MatchId = null);

public static class ReferralAnswers
{
    public static ReferralAnswer From(VolunteerMatchProposed m) => new(m.RequestId, "proposed", "volunteer-proposed", new Text("intake.timeline.volunteer-proposed", m.VolunteerFirstName), m.MatchId);

    public static ReferralAnswer From(VolunteerMatched m) => new(m.RequestId, "matched", "volunteer-matched", new Text("intake.timeline.volunteer-matched", m.VolunteerFirstName));

    public static ReferralAnswer From(VolunteerRequestUnmatched m) => new(m.RequestId, "unmatched", "volunteer-unmatched", new Text("intake.timeline.volunteer-unmatched", UnmatchedReason(m)));

    /// <summary>The reason in intake's words; a sentence from a version before the codes as written.</summary>
    private static Text UnmatchedReason(VolunteerRequestUnmatched m) => (m.Reason, m.ReasonValues) switch
    {
        (UnmatchedReasons.OutsideAreas, [var area, ..]) => new Text("intake.unmatched.outside-areas", area),
        (UnmatchedReasons.NotInTime, [var hours, ..]) => new Text("intake.unmatched.not-in-time", hours),
        _ => m.Reason,
    };

    public static ReferralAnswer From(VolunteerMatchAccepted m) => new(m.RequestId, "accepted", "volunteer-accepted", "intake.timeline.volunteer-accepted");

    public static ReferralAnswer From(VolunteerMatchIntroduced m) => new(m.RequestId, "introduced", "volunteer-introduced", "intake.timeline.volunteer-introduced");

    public static ReferralAnswer From(VolunteerMatchDeclined m) => new(m.RequestId, "declined", "volunteer-declined",
        m.DeclinedBy == "volunteer" ? "intake.timeline.volunteer-declined" : "intake.timeline.resident-declined", m.MatchId);

    public static ReferralAnswer From(VolunteerMatchEvaluated m) => new(m.RequestId, "evaluated", "volunteer-match-evaluated", "intake.timeline.match-evaluated");

    public static ReferralAnswer From(MealDeliveryAccepted m) => new(m.ReferralId, "accepted", "meal-delivery-accepted",
        new Text("intake.timeline.meal-delivery-accepted", SharedWords.Weekdays.List(m.Weekdays), m.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The café desk's reason is their own words, shown as written.</summary>
    public static ReferralAnswer From(MealDeliveryDeclined m) => new(m.ReferralId, "declined", "meal-delivery-declined", new Text("intake.timeline.meal-delivery-declined", m.Reason));

    public static ReferralAnswer From(VolunteerMatchEnded m) => new(m.RequestId, "ended", "volunteer-match-ended", new Text("intake.timeline.match-ended", m.Reason));

    public static ReferralAnswer? From(SignupConfirmed m) => m.ReferralId is { } id ? new(id, "confirmed", "activity-signup-confirmed", new Text("intake.timeline.signup-confirmed", Amsterdam(m.OccurrenceStart))) : null;

    public static ReferralAnswer? From(SignupWaitlisted m) => m.ReferralId is { } id ? new(id, "waitlisted", "activity-waitlisted", new Text("intake.timeline.signup-waitlisted", m.Position, Amsterdam(m.OccurrenceStart))) : null;

    public static ReferralAnswer? From(SignupPromoted m) => m.ReferralId is { } id ? new(id, "confirmed", "activity-promoted", new Text("intake.timeline.signup-promoted", Amsterdam(m.OccurrenceStart))) : null;

    public static IEnumerable<ReferralAnswer> From(ActivityCancelled m) =>
        m.AffectedReferralIds.Distinct().Select(id => new ReferralAnswer(id, "cancelled", "activity-cancelled",
            m.OccurrenceStart is { } at ? new Text("intake.timeline.occurrence-cancelled", Amsterdam(at)) : "intake.timeline.activity-cancelled"));

    /// <summary>The calendar sends a code (<c>Refusal.Code</c>), which intake words itself.</summary>
    public static ReferralAnswer From(ReferralRefused m) => new(m.ReferralId, "refused", "activity-referral-refused",
        new Text("intake.timeline.activity-referral-refused", new Text("intake.refusal." + m.Reason)));

    /// <summary>
    /// Answers can arrive out of order: a proposal, introduction or decline that arrives after the
    /// match, a match after its evaluation, or a waiting-list place after the seat, is shown on the
    /// timeline but does not undo the referral's status.
    /// </summary>
    /// <remarks>
    /// After a decline the next proposal (of another volunteer) replaces it, but the proposal of the
    /// declined match itself, arriving late, does not: <paramref name="declinedMatch"/> names that match.
    /// </remarks>
    public static bool Replaces(string current, Guid? declinedMatch, ReferralAnswer next) =>
        !(next.Status == "proposed" && next.MatchId is { } match && match == declinedMatch) && Replaces(current, next.Status);

    public static bool Replaces(string current, string next) => (current, next) switch
    {
        ("matched" or "evaluated", "proposed" or "accepted" or "introduced" or "declined") => false,
        ("accepted", "proposed") => false,
        ("introduced", "proposed" or "accepted") => false,
        ("evaluated", "matched") => false,
        ("ended", "evaluated") => false,
        ("confirmed", "waitlisted") => false,
        _ => true,
    };

    private static string Amsterdam(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, WijPlatform.Contracts.Vocabulary.Amsterdam.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The weekdays a resident wants a warm meal brought, as the café's standing orders name them.</summary>
public static class MealDeliveryDays
{
    public static readonly string[] Week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Why the days cannot be used, or null when they can.</summary>
    public static Text? Problem(string[]? weekdays) =>
        weekdays is not { Length: > 0 }
            ? "intake.meal-days-needed"
            : weekdays.Select(d => d ?? "").FirstOrDefault(d => !Week.Contains(d.Trim().ToLowerInvariant())) is { } unknown
                ? new Text("intake.not-a-weekday", unknown, string.Join(", ", Week))
                : null;

    /// <summary>Lower case, each once, in week order.</summary>
    public static string[] Normalise(IEnumerable<string> weekdays)
    {
        var wanted = weekdays.Select(d => d.Trim().ToLowerInvariant()).ToHashSet();
        return Week.Where(wanted.Contains).ToArray();
    }
}
