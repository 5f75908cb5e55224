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

    public static string NoAnswer(DeliveryNoAnswerSignalled m) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Café meal delivery of {m.Date:yyyy-MM-dd}: no answer at the door, and neither the resident nor their emergency contact could be reached by phone. Look in on the resident.");

    public static string NoShows(RepeatedNoShowsRecorded m) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Did not come to activity {m.ActivityId} on {m.OccurrenceDate:yyyy-MM-dd}: {m.NoShows} times without notice in 90 days. Ask how things are.");

    /// <summary>
    /// A no-answer may mean a fall or an illness: the case is at least 'high', never lowered
    /// (a crisis stays a crisis).
    /// </summary>
    public static string RaiseForNoAnswer(string urgency) =>
        Urgency.Rank(urgency) >= Urgency.Rank(Urgency.High) ? urgency : Urgency.High;
}
