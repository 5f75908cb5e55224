namespace WijPlatform.Intake.Messaging;

/// <summary>Another service confirms that it erased the resident; the erasure request shows it.</summary>
public sealed class ResidentErasedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, ErasureStore erasures, TimeProvider clock)
    : IdempotentConsumer<ResidentErased>(unitOfWork, metrics)
{
    protected override Task HandleAsync(ResidentErased message, UnitOfWork work, CancellationToken cancellationToken) =>
        erasures.ConfirmAsync(work, message.ErasureId, message.Service, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
