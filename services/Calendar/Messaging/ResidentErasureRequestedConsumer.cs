using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Contracts;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Calendar.Messaging;

/// <summary>A resident asked to be forgotten: their name, phone and texts leave every sign-up, proposal and activity they organised; the calendar confirms.</summary>
public sealed class ResidentErasureRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, SignupStore signups)
    : IdempotentConsumer<ResidentErasureRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(ResidentErasureRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await signups.EraseResidentAsync(work, message.ResidentId, cancellationToken);
        await ErasedResidents.ForgetAsync(work, message.ResidentId, cancellationToken);
        await work.PublishAsync(new ResidentErased(message.ErasureId, message.ResidentId, MessageRoutes.Calendar), cancellationToken);
    }
}
