using MassTransit;

namespace WijPlatform.Calendar.Apis;

public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        // The calendar is public: what an activity says, its organiser's name included, is for everyone to read.
        var api = app.MapGroup("/api/calendar/activities").WithTags("Activities").RequireRoles(WijRoles.Coordinator, WijRoles.Professional).WithoutResidentData();
        api.MapPost("/", CreateActivity).WithSummary("Create an activity, once or repeating; 409 when its room is taken at one of its times");
        api.MapGet("/", ListActivities).WithSummary("Activities (series) in time order; filter with ?from, ?to and ?category").AllowAnonymous();
        api.MapGet("/{id:guid}", GetActivity).WithSummary("One activity").AllowAnonymous();
        api.MapPost("/{id:guid}/cancel", CancelActivity).WithSummary("Cancel the whole activity: every sign-up is cancelled and intake is told");
        return api;
    }

    public static async Task<Results<Created<Activity>, ValidationProblem, ProblemHttpResult>> CreateActivity(
        CreateActivity request, UnitOfWorkFactory unitOfWork, ActivityStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = ActivityRules.Validate(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        var activity = ActivityRules.ToActivity(request, NewId.NextGuid(), clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await InsertIfRoomFreeAsync(work, activity, store, ct) is { } conflict)
        {
            return conflict;
        }
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/calendar/activities/{activity.Id}", activity);
    }

    /// <summary>Inserts the activity unless another one holds its room at one of its times; then the 409 that names it.</summary>
    internal static async Task<ProblemHttpResult?> InsertIfRoomFreeAsync(UnitOfWork work, Activity activity, ActivityStore store, CancellationToken ct)
    {
        if (activity.Room is { } room)
        {
            var occurrences = activity.Schedule.Expand([], activity.StartsAt, activity.SeriesEndsAt).ToList();
            if (await store.FindRoomConflictAsync(work, activity.Id, room, occurrences, ct) is { } conflict)
            {
                return RoomTaken(conflict);
            }
        }
        await store.InsertAsync(work, activity, ct);
        return null;
    }

    internal static ProblemHttpResult RoomTaken(ScheduledOccurrence conflict)
    {
        var local = Amsterdam.ToLocal(conflict.Occurrence.StartsAt);
        return Problems.Problem(
            StatusCodes.Status409Conflict,
            "calendar.room-taken",
            new Text("calendar.room-taken.detail", conflict.Occurrence.Room, conflict.Activity.Title, local, Amsterdam.ToLocal(conflict.Occurrence.EndsAt)),
            new Dictionary<string, object?>
            {
                ["conflictingActivityId"] = conflict.Activity.Id,
                ["conflictingActivityTitle"] = conflict.Activity.Title,
                ["conflictingOccurrenceDate"] = conflict.Occurrence.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["conflictingStartsAt"] = conflict.Occurrence.StartsAt,
                ["conflictingEndsAt"] = conflict.Occurrence.EndsAt,
            });
    }

    public static async Task<Results<Ok<Page<Activity>>, ValidationProblem>> ListActivities(
        [AsParameters] PageRequest page, DateTimeOffset? from, DateTimeOffset? to, [StringLength(50)] string? category, ActivityStore store, CancellationToken ct) =>
        from > to
            ? Problems.Invalid("to", "calendar.end-period-must-after")
            : TypedResults.Ok(await store.ListAsync(from?.UtcDateTime, to?.UtcDateTime, category?.ToLowerInvariant(), page, ct));

    public static async Task<Results<Ok<Activity>, ProblemHttpResult>> GetActivity(Guid id, ActivityStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } activity ? TypedResults.Ok(activity) : Problems.NotFound("activity", id);

    public static async Task<Results<Ok<Activity>, ProblemHttpResult>> CancelActivity(
        Guid id, CancelRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } activity)
        {
            return Problems.NotFound("activity", id);
        }
        if (activity.IsCancelled)
        {
            return Problems.Conflict("calendar.activity-already-cancelled", new Text("calendar.activity-cancelled-before", id));
        }
        await store.CancelAsync(work, id, request.Reason?.Trim(), ct);
        var cancelled = await signups.CancelForAsync(work, id, null, ct);
        await work.PublishAsync(new ActivityCancelled(id, null, cancelled.ReferralIds, cancelled.ResidentIds, activity.Title), ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(activity with { Status = ActivityStatus.Cancelled, CancelReason = request.Reason?.Trim() });
    }
}

/// <summary>Why something is cancelled, in Dutch for the residents it is read to.</summary>
public sealed record CancelRequest([property: StringLength(500)] string? Reason = null);
