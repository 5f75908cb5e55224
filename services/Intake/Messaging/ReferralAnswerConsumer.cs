namespace WijPlatform.Intake.Messaging;

/// <summary>
/// An answer from matching or the calendar: the referral takes its new status and the case's
/// timeline shows it. Answers to requests intake did not send (matching serves the café too) are ignored.
/// </summary>
public abstract class ReferralAnswerConsumer<TMessage>(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : IdempotentConsumer<TMessage>(unitOfWork, metrics)
    where TMessage : class
{
    protected abstract IEnumerable<ReferralAnswer> Answers(TMessage message);

    protected override async Task HandleAsync(TMessage message, UnitOfWork work, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var answer in Answers(message))
        {
            if (await referrals.LockAsync(work, answer.ReferralId, cancellationToken) is not { } referral)
            {
                continue;
            }
            var caseId = referral.CaseId;
            if (ReferralAnswers.Replaces(referral.Status, referral.DeclinedMatchId, answer))
            {
                await referrals.SetStatusAsync(work, answer.ReferralId, answer.Status, now, answer.MatchId, cancellationToken);
            }
            cases.Append(work, caseId, answer.Event, answer.Detail, Actors.System, now);
            if (SignalStatuses.OfVisitAnswer(answer.Status) is { } signalStatus)
            {
                await progress.AdvanceAsync(work, null, answer.ReferralId, null, signalStatus, cancellationToken);
            }
        }
    }
}
