namespace WijPlatform.Calendar.Application;

/// <summary>
/// The one sign-up rule for every channel (the web, the desk, intake's referral): a planned, open
/// occurrence that has not started, and for an activity only for a partner's clients, not on one's
/// own. Seats are counted under the activity's row lock.
/// </summary>
public sealed class SignupDesk(ActivityStore store, SignupStore signups, TimeProvider clock)
{
    public async Task<Outcome<Signup>> SignUpAsync(UnitOfWork work, Guid activityId, NewSignup request, CancellationToken ct)
    {
        if (await store.LockAsync(work, activityId, ct) is not { } activity)
        {
            return Refusal.Missing("activity", activityId);
        }
        if (activity.IsCancelled)
        {
            return Cancelled;
        }
        if (activity.TargetGroup == TargetGroups.PartnerClients && request.Channel == SignupChannels.Self)
        {
            return Refusal.Conflict("calendar.activity-partner-s-clients", new Text("calendar.clients-sign-up-through", activity.TargetPartner));
        }
        return await ClosedAsync(work, activity, request.OccurrenceDate, ct) ?? (Outcome<Signup>)await signups.SignUpAsync(work, activity, request, ct);
    }

    /// <summary>
    /// A partner signs up several of its own clients at once for an activity meant for its clients: all of
    /// them or none, within the places left (a newcomer never overtakes the waiting list), each client once.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<Signup>>> SignUpClientsAsync(UnitOfWork work, Guid activityId, string partnerOrg, DateOnly? occurrenceDate, IReadOnlyList<PartnerClient> clients, CancellationToken ct)
    {
        if (await store.LockAsync(work, activityId, ct) is not { } activity)
        {
            return Refusal.Missing("activity", activityId);
        }
        if (activity.TargetGroup != TargetGroups.PartnerClients || activity.TargetPartner != partnerOrg)
        {
            return PartnerRefusals.NotForYourClients;
        }
        if (activity.IsCancelled)
        {
            return Cancelled;
        }
        if (await ClosedAsync(work, activity, occurrenceDate, ct) is { } closed)
        {
            return closed;
        }
        var references = clients.Select(c => c.ClientReference.Trim()).ToList();
        if (references.Distinct(StringComparer.Ordinal).Count() < references.Count)
        {
            return PartnerRefusals.ClientTwiceInRequest;
        }
        var already = await signups.ActiveClientReferencesAsync(work, activity, partnerOrg, occurrenceDate, ct);
        if (references.Count(already.Contains) is > 0 and var twice)
        {
            return PartnerRefusals.AlreadySignedUp(twice);
        }
        var left = await signups.PlacesLeftAsync(work, activity, occurrenceDate, ct);
        if (left < clients.Count)
        {
            return PartnerRefusals.NotEnoughPlaces(clients.Count, left);
        }
        var created = new List<Signup>();
        foreach (var client in clients)
        {
            created.Add(await signups.SignUpAsync(work, activity,
                new NewSignup(occurrenceDate, client.FirstName.Trim(), null, 0, null, false, SignupChannels.Partner, PartnerOrg: partnerOrg, ClientReference: client.ClientReference.Trim()), ct));
        }
        return created;
    }

    /// <summary>Why no one can sign up for the occurrence (or series) now: not a date of the activity, skipped, or started.</summary>
    private async Task<Refusal?> ClosedAsync(UnitOfWork work, Activity activity, DateOnly? occurrenceDate, CancellationToken ct)
    {
        if (occurrenceDate is { } only && activity.Recurrence is null && only != activity.Schedule.FirstDate)
        {
            return NoSuchOccurrence;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var exceptions = await store.ExceptionsAsync(work, activity.Id, ct);
        if (occurrenceDate is { } date && activity.Recurrence is not null)
        {
            if (!activity.HasOccurrenceOn(date))
            {
                return NoSuchOccurrence;
            }
            if (exceptions.Any(e => e.Date == date && e.Kind != OccurrenceException.Changed))
            {
                return Refusal.Conflict("calendar.occurrence-does-not-take", "calendar.date-skipped-cancelled");
            }
            var (startsAt, _) = activity.Schedule.TimesOn(date);
            if ((exceptions.FirstOrDefault(e => e.Date == date)?.StartsAt ?? startsAt) <= now)
            {
                return Started;
            }
        }
        else if (activity.SeriesEndsAt <= now || (activity.Recurrence is null && activity.StartsAt <= now))
        {
            return Started;
        }
        return null;
    }

    private static readonly Refusal Cancelled = Refusal.Conflict("calendar.activity-cancelled", "calendar.no-longer-takes-place");

    private static readonly Refusal NoSuchOccurrence = Refusal.Invalid("occurrenceDate", "calendar.activity-does-not-take");

    private static readonly Refusal Started = Refusal.Conflict("calendar.activity-has-already-started", "calendar.sign-ups-close-when");
}
