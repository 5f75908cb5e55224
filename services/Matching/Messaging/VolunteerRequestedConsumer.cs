using WijPlatform.Contracts;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Matching.Messaging;

/// <summary>Intake needs a volunteer for a resident: the request joins the open requests.</summary>
public sealed class VolunteerRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, MatchingStore store, TimeProvider clock)
    : IdempotentConsumer<VolunteerRequested>(unitOfWork, metrics)
{
    protected override Task HandleAsync(VolunteerRequested message, UnitOfWork work, CancellationToken cancellationToken) =>
        store.InsertRequestAsync(work, new VolunteerRequest(
            message.RequestId,
            "intake",
            message.CaseId,
            message.Talent,
            message.Postcode,
            message.WantedAt?.UtcDateTime,
            message.Urgency,
            message.InsideHome,
            "open",
            clock.GetUtcNow().UtcDateTime), cancellationToken);
}
