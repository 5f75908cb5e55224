namespace WijPlatform.Intake.Messaging;

// The answers matching and the calendar give to intake's referrals; what each means is in ReferralAnswers.
public sealed class VolunteerMatchProposedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatchProposed>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatchProposed message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerMatchedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatched>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatched message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerRequestUnmatchedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerRequestUnmatched>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerRequestUnmatched message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerMatchEndedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatchEnded>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatchEnded message) => [ReferralAnswers.From(message)];
}

public sealed class SignupConfirmedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<SignupConfirmed>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(SignupConfirmed message) => ReferralAnswers.From(message) is { } answer ? [answer] : [];
}

public sealed class SignupWaitlistedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<SignupWaitlisted>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(SignupWaitlisted message) => ReferralAnswers.From(message) is { } answer ? [answer] : [];
}

public sealed class SignupPromotedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<SignupPromoted>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(SignupPromoted message) => ReferralAnswers.From(message) is { } answer ? [answer] : [];
}

public sealed class ActivityCancelledConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<ActivityCancelled>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(ActivityCancelled message) => ReferralAnswers.From(message);
}

public sealed class ReferralRefusedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<ReferralRefused>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(ReferralRefused message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerMatchIntroducedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatchIntroduced>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatchIntroduced message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerMatchAcceptedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatchAccepted>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatchAccepted message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerMatchDeclinedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatchDeclined>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatchDeclined message) => [ReferralAnswers.From(message)];
}

public sealed class VolunteerMatchEvaluatedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<VolunteerMatchEvaluated>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(VolunteerMatchEvaluated message) => [ReferralAnswers.From(message)];
}

public sealed class MealDeliveryAcceptedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<MealDeliveryAccepted>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(MealDeliveryAccepted message) => [ReferralAnswers.From(message)];
}

public sealed class MealDeliveryDeclinedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, SignalProgress progress, TimeProvider clock)
    : ReferralAnswerConsumer<MealDeliveryDeclined>(unitOfWork, metrics, cases, referrals, progress, clock)
{
    protected override IEnumerable<ReferralAnswer> Answers(MealDeliveryDeclined message) => [ReferralAnswers.From(message)];
}
