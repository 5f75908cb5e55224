namespace WijPlatform.Notices.Messaging;

/// <summary>A partner's signal changed: the change waits in the webhook outbox until the partner's callback took it.</summary>
public sealed class PartnerSignalStatusChangedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<PartnerSignalStatusChanged>(unitOfWork, metrics)
{
    protected override Task HandleAsync(PartnerSignalStatusChanged message, UnitOfWork work, CancellationToken cancellationToken) =>
        WebhookStore.AddDeliveryAsync(work, message, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
