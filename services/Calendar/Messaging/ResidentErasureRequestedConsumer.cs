using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Contracts;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Calendar.Messaging;

/// <summary>A resident asked to be forgotten: their name, phone and access needs leave every sign-up and proposal; the calendar confirms.</summary>
public sealed class ResidentErasureRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, SignupStore signups)
    : IdempotentConsumer<ResidentErasureRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(ResidentErasureRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await signups.EraseResidentAsync(work, message.ResidentId, cancellationToken);
        await work.PublishAsync(new ResidentErased(message.ErasureId, message.ResidentId, MessageRoutes.Calendar), cancellationToken);
    }
}
