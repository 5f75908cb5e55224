namespace WijPlatform.Calendar.Infrastructure;

/// <summary>What a sign-up asks for; who it is for and how they get there.</summary>
public sealed record NewSignup(
    DateOnly? OccurrenceDate,
    string DisplayName,
    string? Phone,
    int Companions,
    string? AccessNeeds,
    bool NeedsRide,
    string Channel,
    Guid? ResidentId = null,
    Guid? ReferralId = null,
    string? PartnerOrg = null,
    string? ClientReference = null);

/// <summary>
/// Sign-ups, the waiting list and attendance. Every change runs in a unit of work whose caller has
/// locked the activity row (<see cref="ActivityStore.LockAsync"/>), so seats are counted and taken
/// one change at a time: of two parallel sign-ups for the last seat exactly one gets it.
/// </summary>
public sealed class SignupStore(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns =
        """
        id, activity_id AS ActivityId, occurrence_date AS OccurrenceDate, display_name AS DisplayName, phone, companions,
        access_needs AS AccessNeeds, needs_ride AS NeedsRide, channel, resident_id AS ResidentId, referral_id AS ReferralId, status,
        CASE WHEN status = 'waitlisted' THEN row_number() OVER (PARTITION BY activity_id, occurrence_date, status ORDER BY created_at, id) END AS Position,
        created_at AS CreatedAt, partner_org AS PartnerOrg, client_reference AS ClientReference
        """;

    public async Task<Signup> SignUpAsync(UnitOfWork work, Activity activity, NewSignup request, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(work, activity.Id, cancellationToken);
        var book = Book(activity, active);
        var date = activity.Recurrence is null ? null : request.OccurrenceDate;
        var id = MassTransit.NewId.NextGuid();
        var status = book.StatusFor(new SeatClaim(id, date, 1 + request.Companions), active.Where(s => s.Status == SignupStatus.Waitlisted).Select(s => s.Claim));
        await work.ExecuteAsync(
            """
            INSERT INTO signups (id, activity_id, occurrence_date, display_name, phone, companions, access_needs, needs_ride, channel, resident_id, referral_id, status,
                partner_org, client_reference)
            VALUES (@id, @activityId, @date, @DisplayName, @Phone, @Companions, @AccessNeeds, @NeedsRide, @Channel, @ResidentId, @ReferralId, @status,
                @PartnerOrg, @ClientReference)
            """,
            new { id, activityId = activity.Id, date, request.DisplayName, request.Phone, request.Companions, request.AccessNeeds, request.NeedsRide, request.Channel, request.ResidentId, request.ReferralId, status,
                request.PartnerOrg, request.ClientReference }, cancellationToken: cancellationToken);
        var signup = (await FindAsync(work, activity.Id, id, cancellationToken))!;
        await TellPartnerAsync(work, signup, signup.Status, cancellationToken);
        return signup;
    }

    /// <summary>A partner's own sign-up changed: its webhook is told, with the change (nothing for anyone else's sign-up).</summary>
    private Task TellPartnerAsync(UnitOfWork work, Signup signup, string status, CancellationToken cancellationToken) =>
        TellPartnerAsync(work, signup.Id, signup.ActivityId, signup.OccurrenceDate, signup.PartnerOrg, status, cancellationToken);

    private Task TellPartnerAsync(UnitOfWork work, Guid signupId, Guid activityId, DateOnly? occurrenceDate, string? partner, string status, CancellationToken cancellationToken) =>
        partner is null
            ? Task.CompletedTask
            : work.PublishAsync(new PartnerSignupStatusChanged(MassTransit.NewId.NextGuid(), signupId, activityId, occurrenceDate, partner, status, clock.GetUtcNow().UtcDateTime), cancellationToken);

    /// <summary>The seats a newcomer can still have for the occurrence (or series) a sign-up would be for; read under the activity's lock.</summary>
    public async Task<int> PlacesLeftAsync(UnitOfWork work, Activity activity, DateOnly? occurrenceDate, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(work, activity.Id, cancellationToken);
        return Book(activity, active).Free(activity.Recurrence is null ? null : occurrenceDate, active.Where(s => s.Status == SignupStatus.Waitlisted).Select(s => s.Claim));
    }

    /// <summary>The partner's client references with an active sign-up for the same occurrence (or series); read under the activity's lock.</summary>
    public async Task<HashSet<string>> ActiveClientReferencesAsync(UnitOfWork work, Activity activity, string partnerOrg, DateOnly? occurrenceDate, CancellationToken cancellationToken) =>
        (await ActiveAsync(work, activity.Id, cancellationToken))
            .Where(s => s.PartnerOrg == partnerOrg && s.OccurrenceDate == (activity.Recurrence is null ? null : occurrenceDate))
            .Select(s => s.ClientReference!).ToHashSet(StringComparer.Ordinal);

    /// <summary>A partner's own sign-ups for an activity, in the order they came in; another partner's are not there.</summary>
    public async Task<Page<PartnerSignup>> ListOfPartnerAsync(Guid activityId, string partnerOrg, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await db.QueryPageAsync<SignupRow>(
            "*", $"(SELECT {Columns} FROM signups WHERE activity_id = @activityId) s WHERE PartnerOrg = @partnerOrg", "CreatedAt, id",
            new { activityId, partnerOrg }, page, cancellationToken);
        return new Page<PartnerSignup>(rows.Items.Select(r => PartnerSignup.Of(r.ToSignup())).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    public async Task<Signup?> FindAsync(Guid activityId, Guid signupId, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await FindAsync(session, activityId, signupId, cancellationToken);
    }

    public async Task<Page<Signup>> ListAsync(Guid activityId, DateOnly? occurrenceDate, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        // The position is numbered over the whole waiting list before filtering, so a filtered page keeps true positions.
        var rows = await db.QueryPageAsync<SignupRow>(
            "*",
            $"(SELECT {Columns} FROM signups WHERE activity_id = @activityId) s WHERE (@occurrenceDate::date IS NULL OR OccurrenceDate = @occurrenceDate OR OccurrenceDate IS NULL) AND (@status::text IS NULL OR status = @status)",
            "CreatedAt, id",
            new { activityId, occurrenceDate, status },
            page,
            cancellationToken);
        return new Page<Signup>(rows.Items.Select(r => r.ToSignup()).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>Cancels one sign-up and moves the waiting list up into the seats it frees.</summary>
    public async Task<Signup?> CancelAsync(UnitOfWork work, Activity activity, Guid signupId, CancellationToken cancellationToken)
    {
        var changed = await work.ExecuteAsync(
            "UPDATE signups SET status = 'cancelled', cancelled_at = now() WHERE id = @signupId AND activity_id = @activityId AND status <> 'cancelled'",
            new { signupId, activityId = activity.Id }, cancellationToken: cancellationToken);
        var signup = await FindAsync(work, activity.Id, signupId, cancellationToken);
        if (changed > 0)
        {
            await TellPartnerAsync(work, signup!, SignupStatus.Cancelled, cancellationToken);
            await PromoteAsync(work, activity, cancellationToken);
        }
        return signup;
    }

    /// <summary>The organiser lets someone in from the waiting list, also beyond the capacity.</summary>
    public async Task<Signup?> ConfirmAsync(UnitOfWork work, Activity activity, Guid signupId, CancellationToken cancellationToken)
    {
        var changed = await work.ExecuteAsync(
            "UPDATE signups SET status = 'confirmed' WHERE id = @signupId AND activity_id = @activityId AND status = 'waitlisted'",
            new { signupId, activityId = activity.Id }, cancellationToken: cancellationToken);
        var signup = await FindAsync(work, activity.Id, signupId, cancellationToken);
        if (changed > 0 && signup is not null)
        {
            await work.PublishAsync(Promoted(activity, signup), cancellationToken);
            await TellPartnerAsync(work, signup, SignupStatus.Confirmed, cancellationToken);
        }
        return signup;
    }

    /// <summary>Moves up, in order, whoever on the waiting list now fits, and publishes each promotion.</summary>
    public async Task PromoteAsync(UnitOfWork work, Activity activity, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(work, activity.Id, cancellationToken);
        var waiting = active.Where(s => s.Status == SignupStatus.Waitlisted).ToList();
        var promoted = Book(activity, active).Promote(waiting.Select(s => s.Claim)).Select(c => c.SignupId).ToHashSet();
        foreach (var signup in waiting.Where(s => promoted.Contains(s.Id)))
        {
            await work.ExecuteAsync(
                "UPDATE signups SET status = 'confirmed' WHERE id = @Id", new { signup.Id }, cancellationToken: cancellationToken);
            await work.PublishAsync(Promoted(activity, signup), cancellationToken);
            await TellPartnerAsync(work, signup, SignupStatus.Confirmed, cancellationToken);
        }
    }

    /// <summary>
    /// Cancels the sign-ups that an activity's cancellation (date null) or one occurrence's
    /// cancellation takes away, and returns the referrals and the residents affected (series sign-ups lose that date too).
    /// </summary>
    public async Task<CancelledSignups> CancelForAsync(UnitOfWork work, Guid activityId, DateOnly? date, CancellationToken cancellationToken)
    {
        var cancelled = (await work.QueryAsync<CancelledRow>(
            """
            UPDATE signups SET status = 'cancelled', cancelled_at = now()
            WHERE activity_id = @activityId AND status <> 'cancelled' AND (@date::date IS NULL OR occurrence_date = @date)
            RETURNING id, referral_id AS ReferralId, resident_id AS ResidentId, occurrence_date AS OccurrenceDate, partner_org AS PartnerOrg
            """,
            new { activityId, date }, cancellationToken: cancellationToken)).ToList();
        foreach (var partnerSignup in cancelled.Where(c => c.PartnerOrg is not null))
        {
            await TellPartnerAsync(work, partnerSignup.Id, activityId, partnerSignup.OccurrenceDate, partnerSignup.PartnerOrg, SignupStatus.Cancelled, cancellationToken);
        }
        var series = date is null ? [] : await work.QueryAsync<(Guid? ReferralId, Guid? ResidentId)>(
            "SELECT referral_id, resident_id FROM signups WHERE activity_id = @activityId AND occurrence_date IS NULL AND status = 'confirmed'",
            new { activityId }, cancellationToken: cancellationToken);
        var affected = cancelled.Select(c => (c.ReferralId, c.ResidentId)).Concat(series).ToList();
        return new CancelledSignups(
            affected.Select(a => a.ReferralId).OfType<Guid>().Distinct().ToList(),
            affected.Select(a => a.ResidentId).OfType<Guid>().Distinct().ToList());
    }

    /// <summary>
    /// Records attendance for one occurrence. A no-show of a referred resident counts with their
    /// other no-shows of the last 90 days; from the second one on their regisseur is told.
    /// </summary>
    public async Task<Attendance> RecordAttendanceAsync(UnitOfWork work, Signup signup, DateOnly date, string status, CancellationToken cancellationToken)
    {
        var attendance = (await work.QuerySingleAsync<AttendanceRow>(
            """
            INSERT INTO attendance (signup_id, occurrence_date, status) VALUES (@Id, @date, @status)
            ON CONFLICT (signup_id, occurrence_date) DO UPDATE SET status = EXCLUDED.status, recorded_at = now()
            RETURNING signup_id AS SignupId, occurrence_date AS OccurrenceDate, status, recorded_at AS RecordedAt
            """,
            new { signup.Id, date, status }, cancellationToken: cancellationToken)).ToAttendance();
        if (status == AttendanceStatus.NoShow && signup is { ResidentId: { } residentId, ReferralId: { } referralId })
        {
            var since = Amsterdam.DateOf(clock.GetUtcNow().UtcDateTime - NoShowPolicy.Window);
            var noShows = await work.ExecuteScalarAsync<int>(
                """
                SELECT count(*) FROM attendance a JOIN signups s ON s.id = a.signup_id
                WHERE s.resident_id = @residentId AND a.status = 'no-show' AND a.occurrence_date >= @since
                """,
                new { residentId, since }, cancellationToken: cancellationToken);
            if (NoShowPolicy.ShouldReport(noShows))
            {
                await work.PublishAsync(new RepeatedNoShowsRecorded(referralId, residentId, signup.ActivityId, date, noShows), cancellationToken);
            }
        }
        return attendance;
    }

    public async Task<Page<Attendance>> AttendanceAsync(Guid activityId, DateOnly? date, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await db.QueryPageAsync<AttendanceRow>(
            "a.signup_id AS SignupId, a.occurrence_date AS OccurrenceDate, a.status, a.recorded_at AS RecordedAt",
            "attendance a JOIN signups s ON s.id = a.signup_id WHERE s.activity_id = @activityId AND (@date::date IS NULL OR a.occurrence_date = @date)",
            "a.occurrence_date, a.recorded_at, a.signup_id",
            new { activityId, date },
            page,
            cancellationToken);
        return new Page<Attendance>(rows.Items.Select(r => r.ToAttendance()).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>
    /// Removes what identifies a resident from their sign-ups (the seat counts stay right) and from their
    /// proposals (the text they wrote goes too); an activity that came from one of their proposals stays
    /// on the calendar, but no longer names them as organiser, in its title or in its description.
    /// </summary>
    public Task<int> EraseResidentAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            UPDATE signups SET display_name = 'Verwijderd', phone = NULL, access_needs = NULL, resident_id = NULL WHERE resident_id = @residentId;
            UPDATE activities a SET organiser_name = NULL,
                   title = CASE WHEN length(p.proposed_by) >= 3 THEN replace(a.title, p.proposed_by, 'een buurtbewoner') ELSE a.title END,
                   description = CASE WHEN length(p.proposed_by) >= 3 THEN replace(a.description, p.proposed_by, 'een buurtbewoner') ELSE a.description END
              FROM proposals p WHERE p.activity_id = a.id AND p.resident_id = @residentId;
            UPDATE proposals SET proposed_by = 'Verwijderd', phone = NULL, description = '[verwijderd]', suggested_time = NULL, resident_id = NULL
             WHERE resident_id = @residentId;
            """,
            new { residentId }, cancellationToken: cancellationToken);

    private SeatBook Book(Activity activity, IEnumerable<Signup> active) =>
        new(activity.Capacity, active.Where(s => s.Status == SignupStatus.Confirmed).Select(s => s.Claim), Amsterdam.DateOf(clock.GetUtcNow().UtcDateTime));

    private static SignupPromoted Promoted(Activity activity, Signup signup) =>
        new(signup.ReferralId, signup.Id, activity.Id, OccurrenceStart(activity, signup.OccurrenceDate), signup.ResidentId, activity.Title);

    /// <summary>The start a message names: the occurrence's, or for the whole series the series' first.</summary>
    public static DateTimeOffset OccurrenceStart(Activity activity, DateOnly? date) =>
        new(date is { } d ? activity.Schedule.TimesOn(d).StartsAt : activity.StartsAt, TimeSpan.Zero);

    private static async Task<List<Signup>> ActiveAsync(UnitOfWork work, Guid activityId, CancellationToken cancellationToken) =>
        (await work.QueryAsync<SignupRow>(
            $"SELECT * FROM (SELECT {Columns} FROM signups WHERE activity_id = @activityId) s WHERE status <> 'cancelled' ORDER BY CreatedAt, id",
            new { activityId }, cancellationToken: cancellationToken)).Select(r => r.ToSignup()).ToList();

    public static async Task<Signup?> FindAsync(ISqlSession session, Guid activityId, Guid signupId, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<SignupRow>(
            $"SELECT * FROM (SELECT {Columns} FROM signups WHERE activity_id = @activityId) s WHERE id = @signupId",
            new { activityId, signupId }, cancellationToken: cancellationToken))?.ToSignup();

    private sealed class AttendanceRow
    {
        public Guid SignupId { get; init; }
        public DateOnly OccurrenceDate { get; init; }
        public string Status { get; init; } = "";
        public DateTime RecordedAt { get; init; }

        public Attendance ToAttendance() => new(SignupId, OccurrenceDate, Status, RecordedAt.ToUniversalTime());
    }

    private sealed class CancelledRow
    {
        public Guid Id { get; init; }
        public Guid? ReferralId { get; init; }
        public Guid? ResidentId { get; init; }
        public DateOnly? OccurrenceDate { get; init; }
        public string? PartnerOrg { get; init; }
    }

    private sealed class SignupRow
    {
        public Guid Id { get; init; }
        public Guid ActivityId { get; init; }
        public DateOnly? OccurrenceDate { get; init; }
        public string DisplayName { get; init; } = "";
        public string? Phone { get; init; }
        public int Companions { get; init; }
        public string? AccessNeeds { get; init; }
        public bool NeedsRide { get; init; }
        public string Channel { get; init; } = "";
        public Guid? ResidentId { get; init; }
        public Guid? ReferralId { get; init; }
        public string Status { get; init; } = "";
        public long? Position { get; init; }
        public DateTime CreatedAt { get; init; }
        public string? PartnerOrg { get; init; }
        public string? ClientReference { get; init; }

        public Signup ToSignup() => new(Id, ActivityId, OccurrenceDate, DisplayName, Phone, Companions, AccessNeeds, NeedsRide, Channel,
            ResidentId, ReferralId, Status, (int?)Position, CreatedAt.ToUniversalTime(), PartnerOrg, ClientReference);
    }
}

/// <summary>Who lost a seat when an activity or one of its dates was cancelled.</summary>
public sealed record CancelledSignups(IReadOnlyList<Guid> ReferralIds, IReadOnlyList<Guid> ResidentIds);
