namespace WijPlatform.Calendar.Messaging;

/// <summary>The kitchen changed the portions of a day's meal: the calendar's meal activity takes as many guests.</summary>
public sealed class DailyMealPortionsChangedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, ActivityStore store)
    : IdempotentConsumer<DailyMealPortionsChanged>(unitOfWork, metrics)
{
    protected override Task HandleAsync(DailyMealPortionsChanged message, UnitOfWork work, CancellationToken cancellationToken) =>
        store.SetMealPortionsAsync(work, message.MenuId, message.Portions, message.ChangedAt.UtcDateTime, cancellationToken);
}
