using MassTransit;

namespace WijPlatform.Intake.Messaging;

/// <summary>
/// The café's meal delivery found no one home and reached no one by phone. Like a partner's signal it
/// joins the household's open case or starts one, now at least 'high', so that the neighbourhood team
/// sees it in the signals worklist. A walk-in customer unknown to intake (no resident id) cannot be
/// followed up here; the café has called their contact already.
/// </summary>
public sealed class DeliveryNoAnswerSignalledConsumer(
    UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ResidentStore residents, RegisseurStore regisseurs, TextCatalogue texts, TimeProvider clock)
    : IdempotentConsumer<DeliveryNoAnswerSignalled>(unitOfWork, metrics)
{
    public const string Actor = "cafe";

    protected override async Task HandleAsync(DeliveryNoAnswerSignalled message, UnitOfWork work, CancellationToken cancellationToken)
    {
        // Locking the resident orders two signals about them, so they never start two cases. The
        // service itself acts on the café's signal, for whichever team the resident belongs to.
        if (message.ResidentId is not { } residentId
            || (await residents.FindResidentAsync(work, residentId, TeamScope.All, cancellationToken)).Value is not { ErasedAt: null, HouseholdId: { } household, Postcode: { } postcode } resident)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var @case = await cases.OpenCaseOfHouseholdAsync(work, household, cancellationToken);
        if (@case is null)
        {
            @case = new HelpRequest(NewId.NextGuid(), "cafe-signal", ["zorg"], CaseSignals.RaiseForNoAnswer("normal"), postcode,
                texts.Render(new Text("intake.case.cafe-no-answer"), TextCatalogue.Dutch), null, CaseStatus.Registered, now)
            {
                ResidentId = resident.Id,
                HouseholdId = household,
                Neighbourhood = resident.Neighbourhood,
            };
            (@case, _) = await regisseurs.JoinAsync(work, @case, cancellationToken);
            cases.Insert(work, @case);
            cases.Append(work, @case.Id, "registered", new Text("intake.timeline.registered-cafe-signal"), Actor, now);
        }
        else if (CaseSignals.RaiseForNoAnswer(@case.Urgency) != @case.Urgency)
        {
            await cases.UpdateAsync(work, @case with { Urgency = CaseSignals.RaiseForNoAnswer(@case.Urgency) }, cancellationToken);
        }
        cases.Append(work, @case.Id, CaseSignals.CafeNoAnswer, CaseSignals.NoAnswer(message), Actor, now);
    }
}

/// <summary>A resident referred to an activity keeps not coming: the case of that referral shows it, for the regisseur to ask why.</summary>
public sealed class RepeatedNoShowsRecordedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, CaseStore cases, ReferralStore referrals, TimeProvider clock)
    : IdempotentConsumer<RepeatedNoShowsRecorded>(unitOfWork, metrics)
{
    protected override async Task HandleAsync(RepeatedNoShowsRecorded message, UnitOfWork work, CancellationToken cancellationToken)
    {
        if (await referrals.LockAsync(work, message.ReferralId, cancellationToken) is not { } referral)
        {
            return;
        }
        cases.Append(work, referral.CaseId, CaseSignals.ActivityNoShows, CaseSignals.NoShows(message), "calendar", clock.GetUtcNow().UtcDateTime);
    }
}
