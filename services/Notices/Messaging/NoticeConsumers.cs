using WijPlatform.Contracts;
using WijPlatform.Notices.Infrastructure;
using WijPlatform.Notices.Model;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Notices.Messaging;

/// <summary>
/// A fact that a resident must hear about becomes one notice for them. The inbox keeps a redelivered
/// message from counting twice; the notice's source key keeps the same fact published again from
/// doing so. A fact about nobody known to intake (a walk-in's sign-up) makes no notice.
/// </summary>
public abstract class NoticeConsumer<TMessage>(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<TMessage>(unitOfWork, metrics)
    where TMessage : class
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    protected override async Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken cancellationToken)
    {
        if (Notice(message) is not ({ } residentId, var sourceKey, var kind, var words))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Amsterdam).DateTime);
        await NoticeStore.AddAsync(work, sourceKey, residentId, kind, words, today, now.UtcDateTime, cancellationToken);
    }

    /// <summary>Who is told what, and the fact's own key; null residentId when the fact concerns no known resident.</summary>
    protected abstract (Guid? ResidentId, string SourceKey, string Kind, (string Subject, string Text) Words) Notice(TMessage message);
}

public sealed class SignupPromotedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : NoticeConsumer<SignupPromoted>(unitOfWork, metrics, clock)
{
    protected override (Guid?, string, string, (string, string)) Notice(SignupPromoted m) =>
        (m.ResidentId, $"signup-promoted:{m.SignupId}:{m.OccurrenceStart.UtcTicks}", NoticeTexts.SignupPromoted, NoticeTexts.Promoted(m.ActivityTitle, m.OccurrenceStart));
}

public sealed class MealDeliveryAcceptedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : NoticeConsumer<MealDeliveryAccepted>(unitOfWork, metrics, clock)
{
    protected override (Guid?, string, string, (string, string)) Notice(MealDeliveryAccepted m) =>
        (m.ResidentId, $"meal-delivery-decided:{m.ReferralId}", NoticeTexts.MealDeliveryAccepted, NoticeTexts.MealsAccepted(m.Weekdays, m.StartsOn));
}

public sealed class MealDeliveryDeclinedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : NoticeConsumer<MealDeliveryDeclined>(unitOfWork, metrics, clock)
{
    protected override (Guid?, string, string, (string, string)) Notice(MealDeliveryDeclined m) =>
        (m.ResidentId, $"meal-delivery-decided:{m.ReferralId}", NoticeTexts.MealDeliveryDeclined, NoticeTexts.MealsDeclined());
}
