namespace WijPlatform.Notices.Messaging;

/// <summary>The desk registered a resident, or a new number or address: how to reach them when something happens to them (the newest).</summary>
public sealed class ResidentContactRecordedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<ResidentContactRecorded>(unitOfWork, metrics)
{
    protected override Task HandleAsync(ResidentContactRecorded message, UnitOfWork work, CancellationToken cancellationToken) =>
        NoticeStore.SaveRecipientAsync(work, new Recipient(message.ResidentId, message.FirstName, message.LastName, message.PreferredContact,
            message.Phone, message.Email, message.Street, message.HouseNumber, message.Postcode, message.City), message.RecordedAt, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
