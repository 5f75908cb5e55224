namespace WijPlatform.Cafe.Messaging;

/// <summary>The neighbourhood team applies for home-delivered meals: the application waits on the desk's list until someone has called the resident.</summary>
public sealed class MealDeliveryRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<MealDeliveryRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(MealDeliveryRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        // Intake checked the days; an unknown one here would be a contract change, not a reason to lose the application.
        var days = DeliveryApplication.DayNumbers(message.Weekdays) ?? [];
        await ApplicationStore.InsertAsync(work, new DeliveryApplication(
            message.ReferralId, message.ResidentId, message.DisplayName, message.Street, message.HouseNumber, Postcodes.Normalise(message.Postcode), message.Phone,
            days, message.StartsOn, message.Remarks, DeliveryApplication.Pending, null, null, null, clock.GetUtcNow().UtcDateTime, null), cancellationToken);
    }
}
