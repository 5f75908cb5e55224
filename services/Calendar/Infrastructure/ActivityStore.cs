namespace WijPlatform.Calendar.Infrastructure;

/// <summary>An occurrence with the activity it belongs to, as listings show it.</summary>
public sealed record ScheduledOccurrence(Activity Activity, Occurrence Occurrence);

public sealed class ActivityStore(NpgsqlDataSource db)
{
    private const string Columns =
        """
        id, title, description, category, room, organiser_kind AS OrganiserKind, organiser_name AS OrganiserName,
        starts_at AS StartsAt, ends_at AS EndsAt, capacity, price_cents AS PriceCents, reduced_price_cents AS ReducedPriceCents,
        accessibility_notes AS AccessibilityNotes, target_group AS TargetGroup, target_partner AS TargetPartner,
        recurrence_frequency AS RecurrenceFrequency, recurrence_weekdays AS RecurrenceWeekdays, recurrence_until AS RecurrenceUntil,
        status, cancel_reason AS CancelReason, created_at AS CreatedAt
        """;

    // Changed occurrences may move a few days; searching a little wider keeps them in view.
    private static readonly TimeSpan Slack = TimeSpan.FromDays(8);

    /// <summary>Inserts an activity; an id seen before changes nothing.</summary>
    public Task<int> InsertAsync(UnitOfWork work, Activity activity, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO activities (id, title, description, category, room, organiser_kind, organiser_name, starts_at, ends_at, capacity,
                price_cents, reduced_price_cents, accessibility_notes, target_group, target_partner,
                recurrence_frequency, recurrence_weekdays, recurrence_until, series_ends_at, status, created_at)
            VALUES (@Id, @Title, @Description, @Category, @Room, @OrganiserKind, @OrganiserName, @StartsAt, @EndsAt, @Capacity,
                @PriceCents, @ReducedPriceCents, @AccessibilityNotes, @TargetGroup, @TargetPartner,
                @RecurrenceFrequency, @RecurrenceWeekdays, @RecurrenceUntil, @SeriesEndsAt, @Status, @CreatedAt)
            ON CONFLICT (id) DO NOTHING
            """,
            ActivityRow.From(activity), cancellationToken: cancellationToken);

    public async Task<Activity?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<ActivityRow>(
            $"SELECT {Columns} FROM activities WHERE id = @id", new { id }, cancellationToken: cancellationToken);
        return row?.ToActivity();
    }

    /// <summary>Reads and locks the activity: sign-ups, cancellations and changes of one activity happen one at a time.</summary>
    public async Task<Activity?> LockAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken)
    {
        var row = await work.QuerySingleOrDefaultAsync<ActivityRow>(
            $"SELECT {Columns} FROM activities WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);
        return row?.ToActivity();
    }

    public async Task<Page<Activity>> ListAsync(DateTime? from, DateTime? to, string? category, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await db.QueryPageAsync<ActivityRow>(
            Columns,
            "activities WHERE (@from::timestamptz IS NULL OR series_ends_at >= @from) AND (@to::timestamptz IS NULL OR starts_at < @to) AND (@category::text IS NULL OR category = @category)",
            "starts_at, id",
            new { from, to, category },
            page,
            cancellationToken);
        return new Page<Activity>(rows.Items.Select(r => r.ToActivity()).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    public async Task<IReadOnlyList<OccurrenceException>> ExceptionsAsync(ISqlSession session, Guid activityId, CancellationToken cancellationToken) =>
        (await ExceptionsAsync(session, [activityId], cancellationToken)).GetValueOrDefault(activityId) ?? [];

    public async Task<IReadOnlyList<OccurrenceException>> ExceptionsAsync(Guid activityId, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await ExceptionsAsync(session, activityId, cancellationToken);
    }

    public Task SaveExceptionAsync(UnitOfWork work, Guid activityId, OccurrenceException exception, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO occurrence_exceptions (activity_id, occurrence_date, kind, starts_at, ends_at, room, reason)
            VALUES (@activityId, @Date, @Kind, @StartsAt, @EndsAt, @Room, @Reason)
            ON CONFLICT (activity_id, occurrence_date) DO UPDATE SET kind = EXCLUDED.kind, starts_at = EXCLUDED.starts_at,
                ends_at = EXCLUDED.ends_at, room = EXCLUDED.room, reason = EXCLUDED.reason
            """,
            new { activityId, exception.Date, exception.Kind, exception.StartsAt, exception.EndsAt, exception.Room, exception.Reason }, cancellationToken: cancellationToken);

    /// <summary>
    /// The café's new number of portions for its meal activity; a change older than the last one applied
    /// (the broker does not keep order) leaves the newer number standing.
    /// </summary>
    public Task<int> SetMealPortionsAsync(UnitOfWork work, Guid activityId, int portions, DateTime changedAt, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            UPDATE activities SET capacity = @portions, capacity_changed_at = @changedAt
            WHERE id = @activityId AND (capacity_changed_at IS NULL OR capacity_changed_at < @changedAt)
            """,
            new { activityId, portions, changedAt }, cancellationToken: cancellationToken);

    /// <summary>One activity and the changes to its dates, for its own feed.</summary>
    public async Task<(Activity Activity, IReadOnlyList<OccurrenceException> Exceptions)?> FindWithExceptionsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<ActivityRow>($"SELECT {Columns} FROM activities WHERE id = @id", new { id }, cancellationToken: cancellationToken);
        return row is null ? null : (row.ToActivity(), await ExceptionsAsync(session, id, cancellationToken));
    }

    public Task CancelAsync(UnitOfWork work, Guid activityId, string? reason, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE activities SET status = 'cancelled', cancel_reason = @reason WHERE id = @activityId",
            new { activityId, reason }, cancellationToken: cancellationToken);

    /// <summary>
    /// The first planned occurrence of another activity in the same room that overlaps one of
    /// <paramref name="occurrences"/>. Takes a lock on the room's name for the rest of the
    /// transaction, so two bookings of one room at one time cannot both pass the check.
    /// </summary>
    public async Task<ScheduledOccurrence?> FindRoomConflictAsync(UnitOfWork work, Guid activityId, string room, IReadOnlyList<Occurrence> occurrences, CancellationToken cancellationToken)
    {
        var mine = occurrences.Where(o => o.Happens && string.Equals(o.Room, room, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mine.Count == 0)
        {
            return null;
        }
        await work.ExecuteAsync(
            "SELECT pg_advisory_xact_lock(hashtext('room:' || lower(@room)))", new { room }, cancellationToken: cancellationToken);
        var from = mine.Min(o => o.StartsAt);
        var to = mine.Max(o => o.EndsAt);
        // Candidates: activities planned in this room, or with an occurrence moved into it, whose span touches ours.
        var candidates = await OccurrencesAsync(work,
            """
            status = 'planned' AND id <> @activityId AND starts_at < @toWide AND series_ends_at > @fromWide
            AND (lower(room) = lower(@room) OR id IN (SELECT activity_id FROM occurrence_exceptions WHERE lower(room) = lower(@room)))
            """,
            new { activityId, room, fromWide = from - Slack, toWide = to + Slack }, from, to, cancellationToken);
        return candidates
            .Where(c => c.Occurrence.Happens && string.Equals(c.Occurrence.Room, room, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(c => mine.Any(m => m.Overlaps(c.Occurrence)));
    }

    /// <summary>Every occurrence in [from, to), optionally of one category, in time order.</summary>
    public async Task<IReadOnlyList<ScheduledOccurrence>> OccurrencesAsync(DateTime from, DateTime to, string? category, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await OccurrencesAsync(session,
            "starts_at < @toWide AND series_ends_at > @fromWide AND (@category::text IS NULL OR category = @category)",
            new { category, fromWide = from - Slack, toWide = to + Slack }, from, to, cancellationToken);
    }

    /// <summary>Every activity (all of them, or of one category) with its exceptions, for the feeds.</summary>
    public async Task<IReadOnlyList<(Activity Activity, IReadOnlyList<OccurrenceException> Exceptions)>> AllWithExceptionsAsync(string? category, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        var rows = (await session.QueryAsync<ActivityRow>(
            $"SELECT {Columns} FROM activities WHERE (@category::text IS NULL OR category = @category) ORDER BY starts_at, id LIMIT 5000",
            new { category }, cancellationToken: cancellationToken)).Select(r => r.ToActivity()).ToList();
        var exceptions = await ExceptionsAsync(session, rows.Select(a => a.Id).ToArray(), cancellationToken);
        return rows.Select(a => (a, (IReadOnlyList<OccurrenceException>)(exceptions.GetValueOrDefault(a.Id) ?? []))).ToList();
    }

    private static async Task<IReadOnlyList<ScheduledOccurrence>> OccurrencesAsync(ISqlSession session, string where, object parameters, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var activities = (await session.QueryAsync<ActivityRow>(
            $"SELECT {Columns} FROM activities WHERE {where}", parameters, cancellationToken: cancellationToken)).Select(r => r.ToActivity()).ToList();
        var exceptions = await ExceptionsAsync(session, activities.Select(a => a.Id).ToArray(), cancellationToken);
        return activities
            .SelectMany(a => a.Schedule.Expand(exceptions.GetValueOrDefault(a.Id) ?? [], from, to).Select(o => new ScheduledOccurrence(a, o)))
            .OrderBy(s => s.Occurrence.StartsAt).ThenBy(s => s.Activity.Id)
            .ToList();
    }

    private static async Task<Dictionary<Guid, List<OccurrenceException>>> ExceptionsAsync(ISqlSession session, Guid[] activityIds, CancellationToken cancellationToken)
    {
        if (activityIds.Length == 0)
        {
            return [];
        }
        var rows = await session.QueryAsync<ExceptionRow>(
            """
            SELECT activity_id AS ActivityId, occurrence_date AS Date, kind, starts_at AS StartsAt, ends_at AS EndsAt, room, reason
            FROM occurrence_exceptions WHERE activity_id = ANY(@activityIds)
            """,
            new { activityIds }, cancellationToken: cancellationToken);
        return rows.GroupBy(r => r.ActivityId).ToDictionary(g => g.Key, g => g.Select(r => r.ToException()).ToList());
    }

    private sealed class ExceptionRow
    {
        public Guid ActivityId { get; init; }
        public DateOnly Date { get; init; }
        public string Kind { get; init; } = "";
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public string? Room { get; init; }
        public string? Reason { get; init; }

        public OccurrenceException ToException() =>
            new(Date, Kind, StartsAt?.ToUniversalTime(), EndsAt?.ToUniversalTime(), Room, Reason);
    }

    private sealed class ActivityRow
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string Category { get; init; } = "";
        public string? Room { get; init; }
        public string OrganiserKind { get; init; } = Organisers.Point;
        public string? OrganiserName { get; init; }
        public DateTime StartsAt { get; init; }
        public DateTime EndsAt { get; init; }
        public int Capacity { get; init; }
        public int PriceCents { get; init; }
        public int? ReducedPriceCents { get; init; }
        public string? AccessibilityNotes { get; init; }
        public string TargetGroup { get; init; } = TargetGroups.Everyone;
        public string? TargetPartner { get; init; }
        public string? RecurrenceFrequency { get; init; }
        public string? RecurrenceWeekdays { get; init; }
        public DateOnly? RecurrenceUntil { get; init; }
        public DateTime SeriesEndsAt { get; init; }
        public string Status { get; init; } = ActivityStatus.Planned;
        public string? CancelReason { get; init; }
        public DateTime CreatedAt { get; init; }

        public Activity ToActivity() => new(
            Id, Title, Description, Category, Room, OrganiserKind, OrganiserName, StartsAt.ToUniversalTime(), EndsAt.ToUniversalTime(), Capacity,
            PriceCents, ReducedPriceCents, AccessibilityNotes, TargetGroup, TargetPartner,
            RecurrenceFrequency is { } frequency && RecurrenceUntil is { } until
                ? new Recurrence(frequency, (RecurrenceWeekdays ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DayOfWeek>).ToList(), until)
                : null,
            Status, CancelReason, CreatedAt.ToUniversalTime());

        public static ActivityRow From(Activity a) => new()
        {
            Id = a.Id, Title = a.Title, Description = a.Description, Category = a.Category, Room = a.Room,
            OrganiserKind = a.OrganiserKind, OrganiserName = a.OrganiserName, StartsAt = a.StartsAt, EndsAt = a.EndsAt, Capacity = a.Capacity,
            PriceCents = a.PriceCents, ReducedPriceCents = a.ReducedPriceCents, AccessibilityNotes = a.AccessibilityNotes,
            TargetGroup = a.TargetGroup, TargetPartner = a.TargetPartner,
            RecurrenceFrequency = a.Recurrence?.Frequency,
            RecurrenceWeekdays = a.Recurrence is null ? null : string.Join(',', a.Recurrence.Weekdays),
            RecurrenceUntil = a.Recurrence?.Until,
            SeriesEndsAt = a.SeriesEndsAt, Status = a.Status, CreatedAt = a.CreatedAt,
        };
    }
}
