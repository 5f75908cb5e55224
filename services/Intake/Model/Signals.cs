using System.Globalization;

namespace WijPlatform.Intake.Model;

/// <summary>
/// Signals about a resident that other services raise: the café found no one at the door and could
/// reach no one by phone, or a referred resident keeps missing an activity. They land on the case
/// timeline and in the signals worklist until someone records contact with the household.
/// </summary>
public static class CaseSignals
{
    public const string CafeNoAnswer = "cafe-no-answer";
    public const string ActivityNoShows = "activity-no-shows";
    public const string PartnerSignal = "partner-signal";

    /// <summary>The timeline events that ask a professional to get in touch.</summary>
    public static readonly string[] Kinds = [PartnerSignal, CafeNoAnswer, ActivityNoShows];

    public static Text NoAnswer(DeliveryNoAnswerSignalled m) =>
        new("intake.timeline.cafe-no-answer", m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static Text NoShows(RepeatedNoShowsRecorded m) =>
        new("intake.timeline.activity-no-shows", m.ActivityId, m.OccurrenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.NoShows);

    /// <summary>
    /// A no-answer may mean a fall or an illness: the case is at least 'high', never lowered
    /// (a crisis stays a crisis).
    /// </summary>
    public static string RaiseForNoAnswer(string urgency) =>
        Urgency.Rank(urgency) >= Urgency.Rank(Urgency.High) ? urgency : Urgency.High;
}

/// <summary>
/// Where a partner's signal stands, as the partner may know it. Ranked: a status never goes back
/// (a regisseur taking up the case after a visit was requested leaves it 'visit-requested').
/// </summary>
public static class SignalStatuses
{
    /// <summary>Waiting for a professional of the team to triage it.</summary>
    public const string Received = "received";

    /// <summary>Triaged without a home visit, or a regisseur took up the case.</summary>
    public const string ActedUpon = "acted-upon";

    /// <summary>A volunteer home visit was requested.</summary>
    public const string VisitRequested = "visit-requested";

    /// <summary>A volunteer accepted the visit (or was matched to it).</summary>
    public const string VisitPlanned = "visit-planned";

    public static readonly string[] All = [Received, ActedUpon, VisitRequested, VisitPlanned];

    public static int Rank(string status) => Array.IndexOf(All, status);

    /// <summary>The signal's status after its home visit's referral answered; null when the answer changes nothing for the partner.</summary>
    public static string? OfVisitAnswer(string referralStatus) => referralStatus is "accepted" or "matched" ? VisitPlanned : null;
}

/// <summary>A partner's signal as the neighbourhood team sees it: who signalled, the concern, the case it joined.</summary>
public sealed record PartnerSignal(Guid Id, string Partner, Guid CaseId, string? Concern, string Status, Guid? ReferralId, DateTime ReceivedAt, DateTime? TriagedAt, string? TriagedBy, string? Neighbourhood);

/// <summary>What a team decided for itself: with automatic visit requests, a partner's signal asks for a home visit at once.</summary>
public sealed record TeamSettings(string Neighbourhood, bool AutomaticVisitRequests, string? SetBy, DateTime? SetAt)
{
    public static TeamSettings Default(string neighbourhood) => new(neighbourhood, false, null, null);
}
