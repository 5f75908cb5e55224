namespace WijPlatform.Cafe.Messaging;

// Matching's answers about a round's deliverer before the deliverer confirms (DelivererAssigned). Matching
// also serves intake: answers about requests that are no round of the café change nothing here.

/// <summary>Matching proposed a deliverer: the round shows who was asked.</summary>
public sealed class DelivererProposedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics)
    : IdempotentConsumer<VolunteerMatchProposed>(unitOfWork, metrics)
{
    protected override Task HandleAsync(VolunteerMatchProposed message, UnitOfWork work, CancellationToken cancellationToken) =>
        RoundStore.ProposeAsync(work, message.RequestId, message.MatchId, message.VolunteerId, message.VolunteerFirstName, cancellationToken);
}

/// <summary>The proposed deliverer declined: the round waits for the next.</summary>
public sealed class DelivererDeclinedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics)
    : IdempotentConsumer<VolunteerMatchDeclined>(unitOfWork, metrics)
{
    protected override Task HandleAsync(VolunteerMatchDeclined message, UnitOfWork work, CancellationToken cancellationToken) =>
        RoundStore.WithdrawProposalAsync(work, message.RequestId, message.MatchId, cancellationToken);
}

/// <summary>No deliverer was found in time: the round says so, and the café calls around.</summary>
public sealed class RoundUnmatchedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics)
    : IdempotentConsumer<VolunteerRequestUnmatched>(unitOfWork, metrics)
{
    protected override Task HandleAsync(VolunteerRequestUnmatched message, UnitOfWork work, CancellationToken cancellationToken) =>
        RoundStore.MarkUnmatchedAsync(work, message.RequestId, cancellationToken);
}
