namespace WijPlatform.Intake.Apis;

/// <summary>
/// Sends a referral from a case inside the caller's unit of work. A resident's personal data
/// (first name, street, phone) leaves intake only with their consent for that purpose and recipient;
/// a case without a known resident sends only ids and the postcode.
/// </summary>
public sealed class ReferralSender(ResidentStore residents, ConsentStore consents, ReferralStore referrals, CaseStore cases, TimeProvider clock)
{
    /// <summary>Sends a validated referral of any kind; null when sent, else why not.</summary>
    public Task<ProblemHttpResult?> SendAsync(UnitOfWork work, HelpRequest @case, Guid referralId, Refer request, string actor, CancellationToken ct) => request.Kind switch
    {
        "volunteer" => VolunteerAsync(work, @case, referralId, request.Talent!, request.Time(), actor, ct),
        "activity" => ActivityAsync(work, @case, referralId, request.ActivityId!.Value, request.OccurrenceStart, actor, ct),
        "meal-delivery" => MealDeliveryAsync(work, @case, referralId, request.Weekdays!, request.StartsOn, request.Remarks, actor, ct),
        _ => PartnerAsync(work, @case, referralId, request.Partner!.Trim(), request.FollowUpOn!.Value, actor, ct),
    };

    public async Task<ProblemHttpResult?> VolunteerAsync(UnitOfWork work, HelpRequest @case, Guid referralId, string talent, VolunteerTime when, string actor, CancellationToken ct)
    {
        Resident? resident = null;
        if (@case.ResidentId is { } residentId)
        {
            (resident, var refusal) = await ConsentedResidentAsync(work, residentId, ConsentPurposes.ShareWithVolunteer, "matching", ct);
            if (refusal is not null)
            {
                return refusal;
            }
        }
        await RequestVolunteerAsync(work, @case, referralId, talent, when, resident, actor, ct);
        return null;
    }

    /// <summary>
    /// Requests a volunteer home visit after a partner's signal. The visit goes out whatever the resident
    /// agreed to, since the team decided to look in; who the resident is and how to reach them travel with
    /// it only when they consented to share that with a volunteer.
    /// </summary>
    public async Task VisitAsync(UnitOfWork work, HelpRequest @case, Guid referralId, string actor, CancellationToken ct)
    {
        Resident? resident = null;
        if (@case.ResidentId is { } residentId && (await residents.FindResidentAsync(work, residentId, TeamScope.All, ct)).Value is { ErasedAt: null } found
            && ConsentPurposes.Covers(await consents.OfAsync(work, residentId, ct), ConsentPurposes.ShareWithVolunteer, "matching"))
        {
            resident = found;
        }
        await RequestVolunteerAsync(work, @case, referralId, Talents.HomeVisit, VolunteerTime.Whenever, resident, actor, ct);
    }

    private async Task RequestVolunteerAsync(UnitOfWork work, HelpRequest @case, Guid referralId, string talent, VolunteerTime when, Resident? consented, string actor, CancellationToken ct)
    {
        var insideHome = Talents.InsideHome.Contains(Talents.Normalise(talent));
        await work.PublishAsync(new VolunteerRequested(referralId, @case.Id, consented?.Id ?? Guid.Empty, Talents.Normalise(talent), @case.Postcode, consented?.Street, consented?.FirstName,
            when.WantedAt, @case.Urgency, insideHome, when.WeeklyDay, when.WeeklyStartMinute, when.DurationMinutes, consented?.HouseNumber, consented?.Phone ?? consented?.Email), ct);
        Record(work, @case.Id, referralId, "volunteer", talent, null, when.Requested(talent), actor);
    }

    public async Task<ProblemHttpResult?> ActivityAsync(UnitOfWork work, HelpRequest @case, Guid referralId, Guid activityId, DateTimeOffset? occurrenceStart, string actor, CancellationToken ct)
    {
        if (@case.ResidentId is not { } residentId)
        {
            return Problems.Conflict("intake.no-resident-case", "intake.activity-sign-up-registered");
        }
        var (resident, refusal) = await ConsentedResidentAsync(work, residentId, ConsentPurposes.ActivitySignup, "calendar", ct);
        if (refusal is not null)
        {
            return refusal;
        }
        // The calendar shows the sign-up by first name and initial, and needs the phone to say when it is cancelled.
        var displayName = $"{resident!.FirstName} {resident.LastName?[..1]}.".Trim();
        await work.PublishAsync(new ActivityReferralRequested(referralId, @case.Id, residentId, activityId, occurrenceStart, displayName, resident.Phone), ct);
        Record(work, @case.Id, referralId, "activity", activityId.ToString(), null, new Text("intake.timeline.referred-to-activity", activityId), actor);
        return null;
    }

    /// <summary>
    /// Asks the café to deliver meals. The café's desk needs to ring the right bell and to call the
    /// resident about diet and payment: name, address and phone, with consent for the café.
    /// </summary>
    public async Task<ProblemHttpResult?> MealDeliveryAsync(UnitOfWork work, HelpRequest @case, Guid referralId, string[] weekdays, DateOnly? startsOn, string? remarks, string actor, CancellationToken ct)
    {
        if (@case.ResidentId is not { } residentId)
        {
            return Problems.Conflict("intake.no-resident-case", "intake.meal-delivery-registered-resident");
        }
        var (resident, refusal) = await ConsentedResidentAsync(work, residentId, ConsentPurposes.MealDelivery, "cafe", ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (string.IsNullOrWhiteSpace(resident!.Street) || string.IsNullOrWhiteSpace(resident.HouseNumber))
        {
            return Problems.Conflict("intake.address-incomplete", "intake.café-needs-street-house");
        }
        var displayName = string.Join(' ', new[] { resident.FirstName, resident.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var days = MealDeliveryDays.Normalise(weekdays);
        await work.PublishAsync(new MealDeliveryRequested(referralId, residentId, displayName, resident.Street, resident.HouseNumber, resident.Postcode ?? @case.Postcode, resident.Phone,
            days, startsOn, string.IsNullOrWhiteSpace(remarks) ? null : remarks.Trim()), ct);
        Record(work, @case.Id, referralId, "meal-delivery", string.Join(",", days), null, startsOn is { } from
            ? new Text("intake.timeline.meal-delivery-asked-from", SharedWords.Weekdays.List(days), from)
            : new Text("intake.timeline.meal-delivery-asked", SharedWords.Weekdays.List(days)), actor);
        return null;
    }

    public async Task<ProblemHttpResult?> PartnerAsync(UnitOfWork work, HelpRequest @case, Guid referralId, string partner, DateOnly followUpOn, string actor, CancellationToken ct)
    {
        if (@case.ResidentId is { } residentId && (await ConsentedResidentAsync(work, residentId, ConsentPurposes.ShareWithPartner, partner, ct)).Refusal is { } refusal)
        {
            return refusal;
        }
        Record(work, @case.Id, referralId, "partner", partner, followUpOn, new Text("intake.timeline.referred-to-partner", partner, followUpOn), actor);
        return null;
    }

    private async Task<(Resident? Resident, ProblemHttpResult? Refusal)> ConsentedResidentAsync(UnitOfWork work, Guid residentId, string purpose, string recipient, CancellationToken ct)
    {
        // Locking the resident orders this referral after a withdrawal that is being committed. The
        // caller's team was checked on the case; the resident is the case's own.
        var resident = (await residents.FindResidentAsync(work, residentId, TeamScope.All, ct)).Value;
        if (resident is null || resident.ErasedAt is not null)
        {
            return (null, Problems.Conflict("intake.resident-erased", "intake.resident-asked-forgotten-nothing"));
        }
        if (!ConsentPurposes.Covers(await consents.OfAsync(work, residentId, ct), purpose, recipient))
        {
            return (null, Problems.Conflict("intake.consent-needed",
                new Text("intake.resident-has-not-given", purpose, recipient)));
        }
        return (resident, null);
    }

    private void Record(UnitOfWork work, Guid caseId, Guid referralId, string kind, string target, DateOnly? followUpOn, Text detail, string actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        referrals.Insert(work, new Referral(referralId, caseId, kind, target, "sent", followUpOn, now, now));
        cases.Append(work, caseId, "referral-sent", detail, actor, now);
    }
}
