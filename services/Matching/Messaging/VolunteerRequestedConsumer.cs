using Microsoft.Extensions.Options;
using WijPlatform.Contracts;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Matching.Messaging;

/// <summary>Intake needs a volunteer for a resident (a walk, a home visit): the request joins the queue and gets a clear best candidate proposed.</summary>
public sealed class VolunteerRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, RequestStore store, Matchmaker matchmaker, PostcodeMap map, IOptions<AutoProposalOptions> options, TimeProvider clock)
    : IdempotentConsumer<VolunteerRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(VolunteerRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var postcode = DutchPostcode.Normalise(message.Postcode) ?? message.Postcode;
        var talent = Talents.Normalise(message.Talent);
        var request = new VolunteerRequest(
            message.RequestId, "intake", message.CaseId, message.ResidentId == Guid.Empty ? null : message.ResidentId, null,
            talent, postcode, map.Find(postcode)?.Neighbourhood, message.WantedAt?.UtcDateTime, message.WeeklyDay, message.WeeklyStartMinute, message.DurationMinutes ?? 60,
            Urgency.Levels.Contains(message.Urgency) ? message.Urgency : "normal", message.InsideHome || Talents.InsideHome.Contains(talent),
            null, null, message.FirstName, message.Street, RequestStatus.Open, clock.GetUtcNow().UtcDateTime, null);
        if (await store.InsertAsync(work, request, cancellationToken) == 1)
        {
            await matchmaker.TryAutoProposeAsync(work, request, options.Value, cancellationToken);
        }
    }
}
