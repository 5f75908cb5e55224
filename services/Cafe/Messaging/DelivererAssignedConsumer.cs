namespace WijPlatform.Cafe.Messaging;

/// <summary>
/// Matching found a deliverer for a round: the round list shows who brings the meals, and the
/// deliverer is told which round is theirs (published with the change).
/// </summary>
public sealed partial class DelivererAssignedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, ILogger<DelivererAssignedConsumer> logger)
    : IdempotentConsumer<DelivererAssigned>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(DelivererAssigned message, UnitOfWork work, CancellationToken cancellationToken)
    {
        if (await RoundStore.AssignAsync(work, message.RoundId, message.VolunteerId, message.VolunteerFirstName, cancellationToken) is { } round)
        {
            await work.PublishAsync(new DeliveryRoundAssigned(round.Id, message.VolunteerId, round.Date, round.Number,
                new DateTimeOffset(DateTime.SpecifyKind(round.StartsAt, DateTimeKind.Utc)), round.Stops), cancellationToken);
        }
        else
        {
            // Not an error worth retrying: the round does not exist here, so there is nothing to assign.
            LogUnknownRound(logger, message.RoundId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deliverer assigned to unknown round {RoundId}")]
    private static partial void LogUnknownRound(ILogger logger, Guid roundId);
}
