namespace WijPlatform.Calendar.Messaging;

/// <summary>
/// Intake refers a resident to an activity: sign them up (or put them on the waiting list) by the
/// same rules as the desk, and answer intake with the outcome or the reason it could not be done.
/// </summary>
public sealed class ActivityReferralRequestedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, SignupDesk desk, ActivityStore store)
    : IdempotentConsumer<ActivityReferralRequested>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(ActivityReferralRequested message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var date = message.OccurrenceStart is { } start ? Amsterdam.DateOf(start.UtcDateTime) : (DateOnly?)null;
        var request = new NewSignup(date, message.DisplayName, message.Phone, 0, null, false, SignupChannels.Referral, message.ResidentId, message.ReferralId);
        var outcome = await desk.SignUpAsync(work, message.ActivityId, request, cancellationToken);
        if (outcome.Value is not { } signup)
        {
            await work.PublishAsync(new ReferralRefused(message.ReferralId, outcome.Refusal!.Code), cancellationToken);
            return;
        }
        var activity = (await store.LockAsync(work, message.ActivityId, cancellationToken))!;
        var occurrenceStart = SignupStore.OccurrenceStart(activity, signup.OccurrenceDate);
        // Published with its own type: the outbox names the message by the type argument.
        if (signup.Status == SignupStatus.Confirmed)
        {
            await work.PublishAsync(new SignupConfirmed(message.ReferralId, signup.Id, activity.Id, occurrenceStart), cancellationToken);
        }
        else
        {
            await work.PublishAsync(new SignupWaitlisted(message.ReferralId, signup.Id, activity.Id, occurrenceStart, signup.Position ?? 0), cancellationToken);
        }
    }
}
