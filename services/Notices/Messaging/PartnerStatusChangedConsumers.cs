namespace WijPlatform.Notices.Messaging;

/// <summary>A partner's signal changed: the change waits in the webhook outbox until the partner's callback took it.</summary>
public sealed class PartnerSignalStatusChangedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<PartnerSignalStatusChanged>(unitOfWork, metrics)
{
    protected override Task HandleAsync(PartnerSignalStatusChanged message, UnitOfWork work, CancellationToken cancellationToken) =>
        WebhookStore.AddDeliveryAsync(work, message, clock.GetUtcNow().UtcDateTime, cancellationToken);
}

/// <summary>A partner's sign-up of its client changed: the change waits in the webhook outbox until the partner's callback took it.</summary>
public sealed class PartnerSignupStatusChangedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<PartnerSignupStatusChanged>(unitOfWork, metrics)
{
    protected override Task HandleAsync(PartnerSignupStatusChanged message, UnitOfWork work, CancellationToken cancellationToken) =>
        WebhookStore.AddDeliveryAsync(work, message, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
