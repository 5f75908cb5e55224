namespace WijPlatform.Notices.Messaging;

/// <summary>A resident asked to be forgotten: their way of contact and their notices go, and the service confirms.</summary>
public sealed class ResidentErasureRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics)
    : IdempotentConsumer<ResidentErasureRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(ResidentErasureRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await NoticeStore.EraseAsync(work, message.ResidentId, cancellationToken);
        await ErasedResidents.ForgetAsync(work, message.ResidentId, cancellationToken);
        await work.PublishAsync(new ResidentErased(message.ErasureId, message.ResidentId, MessageRoutes.Notices), cancellationToken);
    }
}
