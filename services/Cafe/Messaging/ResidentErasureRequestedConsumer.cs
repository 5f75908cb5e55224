using WijPlatform.Cafe.Infrastructure;
using WijPlatform.Contracts;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Cafe.Messaging;

/// <summary>A resident asked to be forgotten: the café anonymises their orders, keeping the counts, and confirms.</summary>
public sealed class ResidentErasureRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics)
    : IdempotentConsumer<ResidentErasureRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(ResidentErasureRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await ResidentStore.EraseAsync(work, message.ResidentId, cancellationToken);
        await ErasedResidents.ForgetAsync(work, message.ResidentId, cancellationToken);
        await work.PublishAsync(new ResidentErased(message.ErasureId, message.ResidentId, "cafe"), cancellationToken);
    }
}
