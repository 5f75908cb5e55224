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
            return Refusal.Conflict("calendar.activity-cancelled", "calendar.no-longer-takes-place");
        }
        if (activity.TargetGroup == TargetGroups.PartnerClients && request.Channel == SignupChannels.Self)
        {
            return Refusal.Conflict("calendar.activity-partner-s-clients", new Text("calendar.clients-sign-up-through", activity.TargetPartner));
        }
        if (request.OccurrenceDate is { } only && activity.Recurrence is null && only != activity.Schedule.FirstDate)
        {
            return NoSuchOccurrence;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var exceptions = await store.ExceptionsAsync(work, activityId, ct);
        if (request.OccurrenceDate is { } date && activity.Recurrence is not null)
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
        return await signups.SignUpAsync(work, activity, request, ct);
    }

    private static readonly Refusal NoSuchOccurrence = Refusal.Invalid("occurrenceDate", "calendar.activity-does-not-take");

    private static readonly Refusal Started = Refusal.Conflict("calendar.activity-has-already-started", "calendar.sign-ups-close-when");
}
