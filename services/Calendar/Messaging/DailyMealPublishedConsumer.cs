namespace WijPlatform.Calendar.Messaging;

/// <summary>The café published the day's warm meal: it appears in the calendar as that day's meal activity.</summary>
public sealed class DailyMealPublishedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, ActivityStore store, TimeProvider clock)
    : IdempotentConsumer<DailyMealPublished>(unitOfWork, metrics)
{
    // The café plans its own kitchen and dining room, so its meal is not checked against room bookings.
    protected override Task HandleAsync(DailyMealPublished message, UnitOfWork work, CancellationToken cancellationToken) =>
        store.InsertAsync(work, new Activity(
            message.MenuId,
            $"Warme maaltijd: {message.Title}",
            message.Description,
            "meal",
            "Café Noord",
            Organisers.Point,
            "Café Noord",
            message.ServedFrom.UtcDateTime,
            message.ServedUntil.UtcDateTime,
            message.Portions,
            message.PriceCents ?? 0,
            null,
            null,
            TargetGroups.Everyone,
            null,
            null,
            ActivityStatus.Planned,
            null,
            clock.GetUtcNow().UtcDateTime), cancellationToken);
}
