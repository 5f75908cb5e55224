namespace WijPlatform.Calendar.Apis;

/// <summary>An occurrence as listings show it: when and where it happens, and what it is.</summary>
public sealed record OccurrenceView(
    Guid ActivityId, DateOnly Date, DateTime StartsAt, DateTime EndsAt, string Status, string? Reason,
    string Title, string Category, string? Room, int Capacity, int PriceCents, int? ReducedPriceCents, string? AccessibilityNotes, string TargetGroup)
{
    public static OccurrenceView From(ScheduledOccurrence s) => new(
        s.Activity.Id, s.Occurrence.Date, s.Occurrence.StartsAt, s.Occurrence.EndsAt,
        s.Activity.IsCancelled ? OccurrenceException.Cancelled : s.Occurrence.Status, s.Occurrence.Reason ?? s.Activity.CancelReason,
        s.Activity.Title, s.Activity.Category, s.Occurrence.Room, s.Activity.Capacity, s.Activity.PriceCents, s.Activity.ReducedPriceCents,
        s.Activity.AccessibilityNotes, s.Activity.TargetGroup);
}

public static class OccurrencesApi
{
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapOccurrencesApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Occurrences").RequireRoles(WijRoles.Coordinator, WijRoles.Professional).WithoutResidentData();
        calendar.MapGet("/occurrences", ListOccurrences).AllowAnonymous()
            .WithSummary("Every occurrence of every activity in [from, to) in time order (default: the coming four weeks); filter with ?category");
        var api = calendar.MapGroup("/activities/{id:guid}/occurrences");
        api.MapGet("/", ListOfActivity).AllowAnonymous().WithSummary("The occurrences of one activity in [from, to) (default: the coming four weeks)");
        api.MapPut("/{date}", ChangeOccurrence).WithSummary("Move one occurrence (time or room) without touching the rest of the series");
        api.MapPost("/{date}/cancel", (Guid id, DateOnly date, CancelRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct) =>
            TakeOut(id, [date], OccurrenceException.Cancelled, request.Reason, unitOfWork, store, signups, ct))
            .WithSummary("Cancel one occurrence: its sign-ups are cancelled and intake is told; it stays listed as cancelled");
        api.MapPost("/{date}/skip", (Guid id, DateOnly date, CancelRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct) =>
            TakeOut(id, [date], OccurrenceException.Skipped, request.Reason, unitOfWork, store, signups, ct))
            .WithSummary("Leave one occurrence out of the series (it disappears from listings and feeds)");
        calendar.MapPost("/activities/{id:guid}/pauses", Pause)
            .WithSummary("Skip every occurrence from one date to another, such as a summer pause");
        return calendar;
    }

    public static async Task<Results<Ok<Page<OccurrenceView>>, ValidationProblem>> ListOccurrences(
        [AsParameters] PageRequest page, DateTimeOffset? from, DateTimeOffset? to, [StringLength(50)] string? category, ActivityStore store, TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not ({ } start, { } end))
        {
            return Problems.Invalid("to", new Text("calendar.period-must-end-after", MaxPeriod.TotalDays));
        }
        return TypedResults.Ok(Paged(await store.OccurrencesAsync(start, end, category?.ToLowerInvariant(), ct), page));
    }

    public static async Task<Results<Ok<Page<OccurrenceView>>, ValidationProblem, ProblemHttpResult>> ListOfActivity(
        Guid id, [AsParameters] PageRequest page, DateTimeOffset? from, DateTimeOffset? to, ActivityStore store, TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not ({ } start, { } end))
        {
            return Problems.Invalid("to", new Text("calendar.period-must-end-after", MaxPeriod.TotalDays));
        }
        if (await store.FindAsync(id, ct) is not { } activity)
        {
            return Problems.NotFound("activity", id);
        }
        var occurrences = activity.Schedule.Expand(await store.ExceptionsAsync(id, ct), start, end).Select(o => new ScheduledOccurrence(activity, o)).ToList();
        return TypedResults.Ok(Paged(occurrences, page));
    }

    public static async Task<Results<Ok<OccurrenceView>, ValidationProblem, ProblemHttpResult>> ChangeOccurrence(
        Guid id, DateOnly date, ChangeOccurrenceRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, CancellationToken ct)
    {
        if (request.EndsAt <= request.StartsAt || request.EndsAt - request.StartsAt > TimeSpan.FromHours(24))
        {
            return Problems.Invalid("endsAt", "calendar.end-must-after-start");
        }
        if (Math.Abs((Amsterdam.DateOf(request.StartsAt.UtcDateTime).DayNumber - date.DayNumber)) > 7)
        {
            return Problems.Invalid("startsAt", "calendar.occurrence-can-move-most");
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await OpenOccurrenceAsync(work, id, date, store, ct) is not ({ } activity, { } current))
        {
            return await MissingOrClosedAsync(work, id, date, store, ct);
        }
        var changed = current with
        {
            StartsAt = request.StartsAt.UtcDateTime,
            EndsAt = request.EndsAt.UtcDateTime,
            Room = string.IsNullOrWhiteSpace(request.Room) ? current.Room : request.Room.Trim(),
            Status = OccurrenceException.Changed,
            Reason = request.Reason?.Trim(),
        };
        if (changed.Room is { } room && await store.FindRoomConflictAsync(work, id, room, [changed], ct) is { } conflict)
        {
            return ActivitiesApi.RoomTaken(conflict);
        }
        await store.SaveExceptionAsync(work, id, new OccurrenceException(date, OccurrenceException.Changed, changed.StartsAt, changed.EndsAt, changed.Room, changed.Reason), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(OccurrenceView.From(new ScheduledOccurrence(activity, changed)));
    }

    public static async Task<Results<Ok<Page<OccurrenceView>>, ValidationProblem, ProblemHttpResult>> Pause(
        Guid id, PauseRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        if (request.Until < request.From)
        {
            return Problems.Invalid("until", "calendar.pause-cannot-end-before");
        }
        if (await store.FindAsync(id, ct) is not { } activity)
        {
            return Problems.NotFound("activity", id);
        }
        var dates = activity.Schedule.Dates().SkipWhile(d => d < request.From).TakeWhile(d => d <= request.Until).ToList();
        return await TakeOut(id, dates, OccurrenceException.Skipped, request.Reason, unitOfWork, store, signups, ct);
    }

    /// <summary>
    /// Skips or cancels occurrences of a series: their own sign-ups are cancelled, and intake is told
    /// which referrals lost a date (series sign-ups included). The rest of the series is untouched.
    /// </summary>
    private static async Task<Results<Ok<Page<OccurrenceView>>, ValidationProblem, ProblemHttpResult>> TakeOut(
        Guid id, List<DateOnly> dates, string kind, string? reason, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var taken = new List<ScheduledOccurrence>();
        foreach (var date in dates)
        {
            if (await OpenOccurrenceAsync(work, id, date, store, ct) is not ({ } activity, { } occurrence))
            {
                if (dates.Count == 1)
                {
                    return await MissingOrClosedAsync(work, id, date, store, ct);
                }
                continue;
            }
            await store.SaveExceptionAsync(work, id, new OccurrenceException(date, kind, null, null, null, reason?.Trim()), ct);
            var cancelled = await signups.CancelForAsync(work, id, date, ct);
            await work.PublishAsync(new ActivityCancelled(id, new DateTimeOffset(occurrence.StartsAt, TimeSpan.Zero), cancelled.ReferralIds, cancelled.ResidentIds, activity.Title), ct);
            taken.Add(new ScheduledOccurrence(activity, occurrence with { Status = kind, Reason = reason?.Trim() }));
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(Paged(taken, new PageRequest { PageSize = PageRequest.MaxPageSize }));
    }

    /// <summary>The activity (locked) and the occurrence on a planned date, while it still takes place.</summary>
    private static async Task<(Activity?, Occurrence?)> OpenOccurrenceAsync(UnitOfWork work, Guid id, DateOnly date, ActivityStore store, CancellationToken ct)
    {
        if (await store.LockAsync(work, id, ct) is not { IsCancelled: false } activity || !activity.HasOccurrenceOn(date))
        {
            return (null, null);
        }
        var exceptions = await store.ExceptionsAsync(work, id, ct);
        if (exceptions.FirstOrDefault(e => e.Date == date) is { Kind: not OccurrenceException.Changed })
        {
            return (activity, null);
        }
        var (startsAt, endsAt) = activity.Schedule.TimesOn(date);
        return (activity, activity.Schedule.Expand(exceptions, startsAt.AddDays(-8), endsAt.AddDays(8)).FirstOrDefault(o => o.Date == date));
    }

    private static async Task<ProblemHttpResult> MissingOrClosedAsync(UnitOfWork work, Guid id, DateOnly date, ActivityStore store, CancellationToken ct) =>
        await store.LockAsync(work, id, ct) switch
        {
            null => Problems.NotFound("activity", id),
            { IsCancelled: true } => Problems.Conflict("calendar.activity-cancelled", new Text("calendar.activity-no-longer-takes", id)),
            var activity when !activity.HasOccurrenceOn(date) => Problems.NotFound("occurrence", date, new Text("calendar.activity-does-not-take-2", id, date)),
            _ => Problems.Conflict("calendar.occurrence-does-not-take", new Text("calendar.occurrence-skipped-cancelled", date)),
        };

    internal static (DateTime, DateTime)? Period(DateTimeOffset? from, DateTimeOffset? to, TimeProvider clock)
    {
        var start = from?.UtcDateTime ?? clock.GetUtcNow().UtcDateTime;
        var end = to?.UtcDateTime ?? start.AddDays(28);
        return end > start && end - start <= MaxPeriod ? (start, end) : null;
    }

    private static Page<OccurrenceView> Paged(IReadOnlyList<ScheduledOccurrence> all, PageRequest page) =>
        new(all.Skip(page.Offset).Take(page.Size).Select(OccurrenceView.From).ToList(), page.Number, page.Size, all.Count);
}

public sealed record ChangeOccurrenceRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, [property: StringLength(100)] string? Room = null, [property: StringLength(500)] string? Reason = null);

public sealed record PauseRequest(DateOnly From, DateOnly Until, [property: StringLength(500)] string? Reason = null);
