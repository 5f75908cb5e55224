using WijPlatform.Contracts;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Matching.Messaging;

/// <summary>
/// A resident asked to be forgotten: their name, street, case link and full postcode go from every
/// request; if they are also a volunteer, their volunteer profile is erased too. Then it confirms.
/// </summary>
public sealed class ResidentErasureRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, RequestStore requests, VolunteerStore volunteers)
    : IdempotentConsumer<ResidentErasureRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(ResidentErasureRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        await requests.EraseResidentAsync(work, message.ResidentId, cancellationToken);
        await volunteers.EraseAsync(work, null, message.ResidentId, cancellationToken);
        await ErasedResidents.ForgetAsync(work, message.ResidentId, cancellationToken);
        await work.PublishAsync(new ResidentErased(message.ErasureId, message.ResidentId, MessageRoutes.Matching), cancellationToken);
    }
}
