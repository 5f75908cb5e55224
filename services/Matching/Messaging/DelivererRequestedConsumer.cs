namespace WijPlatform.Matching.Messaging;

/// <summary>The café needs someone to deliver a round of meals: a one-off request for meal delivery at the round's start.</summary>
public sealed class DelivererRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, RequestStore store, Matchmaker matchmaker, NeighbourhoodTable neighbourhoods, IOptions<AutoProposalOptions> options, TimeProvider clock)
    : IdempotentConsumer<DelivererRequested>(unitOfWork, metrics)
{
    /// <summary>A round takes about a quarter of an hour per stop, and at least an hour.</summary>
    public static int RoundMinutes(int stops) => Math.Clamp(stops * 15, 60, 240);

    protected override async Task HandleAsync(DelivererRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var postcode = Contracts.Vocabulary.Postcode.Normalise(message.Postcode) ?? message.Postcode;
        var request = new VolunteerRequest(
            message.RoundId, "cafe", null, null, message.RoundId, "meal-delivery", postcode, neighbourhoods.Find(postcode),
            message.StartsAt.UtcDateTime, null, null, RoundMinutes(message.Stops), "high", false, null, null, null, null,
            RequestStatus.Open, clock.GetUtcNow().UtcDateTime, null);
        if (await store.InsertAsync(work, request, cancellationToken) == 1)
        {
            await matchmaker.TryAutoProposeAsync(work, request, options.Value, cancellationToken);
        }
    }
}
