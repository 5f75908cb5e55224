namespace WijPlatform.Notices.Messaging;

/// <summary>
/// A fact that a resident or a volunteer must hear about becomes one notice for them. The inbox keeps a redelivered
/// message from counting twice; the notice's source key keeps the same fact published again from
/// doing so. A fact about nobody known to intake (a walk-in's sign-up) makes no notice.
/// </summary>
public abstract class NoticeConsumer<TMessage>(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : IdempotentConsumer<TMessage>(unitOfWork, metrics)
    where TMessage : class
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    protected override async Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Amsterdam).DateTime);
        foreach (var (to, sourceKey, kind, words) in Notices(message))
        {
            // Written in Dutch when made: a notice is read out, printed or sent as it is, to a Dutch resident or volunteer.
            var dutch = (texts.Render(words.Subject, TextCatalogue.Dutch), texts.Render(words.Text, TextCatalogue.Dutch));
            await NoticeStore.AddAsync(work, sourceKey, to, kind, dutch, today, now.UtcDateTime, cancellationToken);
        }
    }

    /// <summary>Who is told what, each with the fact's own key (per person); none when the fact concerns nobody known to intake.</summary>
    protected abstract IEnumerable<(Addressee To, string SourceKey, string Kind, (Text Subject, Text Text) Words)> Notices(TMessage message);

    protected static IEnumerable<(Addressee, string, string, (Text, Text))> One(Guid? residentId, string sourceKey, string kind, (Text, Text) words) =>
        residentId is { } id ? [(Addressee.Resident(id), sourceKey, kind, words)] : [];
}

public sealed class SignupPromotedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<SignupPromoted>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(SignupPromoted m) =>
        One(m.ResidentId, $"signup-promoted:{m.SignupId}:{m.OccurrenceStart.UtcTicks}", NoticeTexts.SignupPromoted, NoticeTexts.Promoted(m.ActivityTitle, m.OccurrenceStart));
}

public sealed class MealDeliveryAcceptedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<MealDeliveryAccepted>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(MealDeliveryAccepted m) =>
        One(m.ResidentId, $"meal-delivery-decided:{m.ReferralId}", NoticeTexts.MealDeliveryAccepted, NoticeTexts.MealsAccepted(m.Weekdays, m.StartsOn));
}

public sealed class MealDeliveryDeclinedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<MealDeliveryDeclined>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(MealDeliveryDeclined m) =>
        One(m.ResidentId, $"meal-delivery-decided:{m.ReferralId}", NoticeTexts.MealDeliveryDeclined, NoticeTexts.MealsDeclined());
}

public sealed class ActivityCancelledConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<ActivityCancelled>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(ActivityCancelled m) =>
        (m.AffectedResidentIds ?? []).Distinct().Select(resident => (Addressee.Resident(resident),
            $"activity-cancelled:{m.ActivityId}:{m.OccurrenceStart?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}:{resident}",
            NoticeTexts.ActivityCancelled, NoticeTexts.Cancelled(m.ActivityTitle, m.OccurrenceStart)));
}

public sealed class VolunteerMatchIntroducedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<VolunteerMatchIntroduced>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(VolunteerMatchIntroduced m) =>
        One(m.ResidentId, $"volunteer-introduced:{m.MatchId}", NoticeTexts.VolunteerIntroduced, NoticeTexts.Introduced(m.VolunteerFirstName));
}
