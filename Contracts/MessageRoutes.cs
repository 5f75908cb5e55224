namespace WijPlatform.Contracts;

/// <summary>
/// Which service queue consumes which message. Every service declares this whole topology when it
/// starts, so a message published before its consumer ever ran still lands in a durable queue
/// (RabbitMQ drops what it cannot route). A test checks it against the consumers services register.
/// </summary>
public static class MessageRoutes
{
    public const string Intake = "intake";
    public const string Calendar = "calendar";
    public const string Matching = "matching";
    public const string Cafe = "cafe";
    public const string Notices = "notices";

    public static IReadOnlyDictionary<Type, string[]> Consumers { get; } = new Dictionary<Type, string[]>
    {
        [typeof(VolunteerRequested)] = [Matching],
        [typeof(DailyMealPublished)] = [Calendar],
        [typeof(DailyMealPortionsChanged)] = [Calendar],
        [typeof(VolunteerMatchProposed)] = [Intake, Cafe],
        [typeof(VolunteerMatchIntroduced)] = [Intake, Notices],
        [typeof(VolunteerMatchAccepted)] = [Intake],
        [typeof(VolunteerMatchDeclined)] = [Intake, Cafe],
        [typeof(VolunteerMatchEvaluated)] = [Intake],
        [typeof(VolunteerMatched)] = [Intake],
        [typeof(VolunteerRequestUnmatched)] = [Intake, Cafe],
        [typeof(VolunteerMatchEnded)] = [Intake],
        [typeof(SignupConfirmed)] = [Intake],
        [typeof(SignupWaitlisted)] = [Intake],
        [typeof(SignupPromoted)] = [Intake, Notices],
        [typeof(ActivityCancelled)] = [Intake, Notices],
        [typeof(ReferralRefused)] = [Intake],
        [typeof(ResidentErased)] = [Intake],
        [typeof(RepeatedNoShowsRecorded)] = [Intake],
        [typeof(DeliveryNoAnswerSignalled)] = [Intake],
        [typeof(MealDeliveryRequested)] = [Cafe],
        [typeof(MealDeliveryAccepted)] = [Intake, Notices],
        [typeof(MealDeliveryDeclined)] = [Intake, Notices],
        [typeof(ActivityReferralRequested)] = [Calendar],
        [typeof(DelivererRequested)] = [Matching],
        [typeof(DelivererAssigned)] = [Cafe],
        [typeof(ResidentErasureRequested)] = [Calendar, Matching, Cafe, Notices],
        [typeof(ResidentContactRecorded)] = [Notices],
        [typeof(PartnerSignalStatusChanged)] = [Notices],
        [typeof(PartnerSignupStatusChanged)] = [Notices],
        [typeof(VolunteerContactRecorded)] = [Notices],
        [typeof(VogExpiryWarned)] = [Notices],
        [typeof(VolunteerErased)] = [Notices],
        [typeof(DeliveryRoundAssigned)] = [Notices],
    };
}
