namespace WijPlatform.Matching.Messaging;

/// <summary>
/// Intake needs a volunteer for a resident (a walk, a home visit): the request joins the queue and gets a
/// clear best candidate proposed. A request that cannot be ranked (its area is not on the map) is kept for the coordinator and intake is told why at once, instead of it ending unmatched unexplained.
/// </summary>
public sealed class VolunteerRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, RequestStore store, Matchmaker matchmaker, NeighbourhoodTable neighbourhoods, IOptions<AutoProposalOptions> options, TimeProvider clock)
    : IdempotentConsumer<VolunteerRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(VolunteerRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var postcode = Postcode.Normalise(message.Postcode) ?? message.Postcode;
        var talent = Talents.Normalise(message.Talent);
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new VolunteerRequest(
            message.RequestId, "intake", message.CaseId, message.ResidentId == Guid.Empty ? null : message.ResidentId, null,
            talent, postcode, neighbourhoods.Find(postcode), message.WantedAt?.UtcDateTime, message.WeeklyDay, message.WeeklyStartMinute, message.DurationMinutes ?? 60,
            Urgency.IsKnown(message.Urgency) ? message.Urgency : Urgency.Normal, message.InsideHome || Talents.InsideHome.Contains(talent),
            null, null, message.FirstName, message.Street, RequestStatus.Open, now, null, message.HouseNumber, message.Contact);
        if (await store.InsertAsync(work, request, cancellationToken) != 1)
        {
            return;
        }
        if (matchmaker.Unrankable(request) is { } area)
        {
            await store.MarkUnmatchedReportedAsync(work, request.Id, now, cancellationToken);
            await work.PublishAsync(new VolunteerRequestUnmatched(request.Id, UnmatchedReasons.OutsideAreas, [area]), cancellationToken);
            return;
        }
        await matchmaker.TryAutoProposeAsync(work, request, options.Value, cancellationToken);
    }
}
