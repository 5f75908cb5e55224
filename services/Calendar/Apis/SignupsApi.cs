namespace WijPlatform.Calendar.Apis;

public static class SignupsApi
{
    public static RouteGroupBuilder MapSignupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/activities/{id:guid}/signups").WithTags("Sign-ups").RequireRoles(WijRoles.Desk, WijRoles.Professional, WijRoles.Coordinator).Audited("signup");
        api.MapPost("/", SignUp).WithSummary("Sign a resident up for one occurrence (occurrenceDate) or the whole series; when full they join the waiting list");
        api.MapGet("/", ListSignups).WithSummary("Sign-ups in the order they came in, with phone numbers for the desk; filter with ?occurrenceDate and ?status");
        api.MapGet("/{signupId:guid}", GetSignup).WithSummary("One sign-up, with its place on the waiting list");
        api.MapPost("/{signupId:guid}/cancel", CancelSignup).WithSummary("Cancel a sign-up; the first in line on the waiting list moves up");
        api.MapPost("/{signupId:guid}/confirm", ConfirmSignup).WithSummary("Organiser's override: let someone in from the waiting list, also beyond the capacity");
        api.MapPut("/{signupId:guid}/attendance", RecordAttendance).WithSummary("Check in (attended) or record a no-show for one occurrence");
        var attendance = app.MapGroup("/api/calendar/activities/{id:guid}/attendance").WithTags("Sign-ups")
            .RequireRoles(WijRoles.Desk, WijRoles.Professional, WijRoles.Coordinator).Audited("signup");
        attendance.MapGet("/", ListAttendance).WithSummary("Attendance recorded for an activity; filter with ?occurrenceDate");
        return api;
    }

    /// <summary>Signs up through the web (self) or at the desk on a resident's behalf; intake's referral takes the same rule (<see cref="SignupDesk"/>).</summary>
    public static async Task<Results<Created<Signup>, ValidationProblem, ProblemHttpResult>> SignUp(
        Guid id, SignUpRequest request, UnitOfWorkFactory unitOfWork, SignupDesk desk, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var outcome = await desk.SignUpAsync(work, id, new NewSignup(request.OccurrenceDate, request.DisplayName.Trim(), request.Phone?.Trim(), request.Companions,
            request.AccessNeeds?.Trim(), request.NeedsRide, request.Channel ?? SignupChannels.Self, request.ResidentId), ct);
        if (outcome.Value is { })
        {
            await work.CommitAsync(ct);
        }
        return outcome.Answer(signup => TypedResults.Created($"/api/calendar/activities/{id}/signups/{signup.Id}", signup));
    }

    public static async Task<Results<Ok<Page<Signup>>, ProblemHttpResult>> ListSignups(
        Guid id, [AsParameters] PageRequest page, DateOnly? occurrenceDate, [AllowedValues(SignupStatus.Confirmed, SignupStatus.Waitlisted, SignupStatus.Cancelled, null)] string? status,
        ActivityStore store, SignupStore signups, CancellationToken ct) =>
        await store.FindAsync(id, ct) is null ? Problems.NotFound("activity", id) : TypedResults.Ok(await signups.ListAsync(id, occurrenceDate, status, page, ct));

    public static async Task<Results<Ok<Signup>, ProblemHttpResult>> GetSignup(Guid id, Guid signupId, SignupStore signups, CancellationToken ct) =>
        await signups.FindAsync(id, signupId, ct) is { } signup ? TypedResults.Ok(signup) : Problems.NotFound("sign-up", signupId);

    public static async Task<Results<Ok<Signup>, ProblemHttpResult>> CancelSignup(
        Guid id, Guid signupId, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } activity || await signups.CancelAsync(work, activity, signupId, ct) is not { } signup)
        {
            return Problems.NotFound("sign-up", signupId);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(signup);
    }

    public static async Task<Results<Ok<Signup>, ProblemHttpResult>> ConfirmSignup(
        Guid id, Guid signupId, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } activity || await signups.ConfirmAsync(work, activity, signupId, ct) is not { } signup)
        {
            return Problems.NotFound("sign-up", signupId);
        }
        if (signup.Status == SignupStatus.Cancelled)
        {
            return Problems.Conflict("calendar.sign-up-cancelled", "calendar.sign-resident-up-again");
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(signup);
    }

    public static async Task<Results<Ok<Attendance>, ValidationProblem, ProblemHttpResult>> RecordAttendance(
        Guid id, Guid signupId, AttendanceRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } activity || await SignupStore.FindAsync(work, id, signupId, ct) is not { } signup)
        {
            return Problems.NotFound("sign-up", signupId);
        }
        var date = request.OccurrenceDate ?? signup.OccurrenceDate ?? (activity.Recurrence is null ? activity.Schedule.FirstDate : null);
        if (date is not { } day || !activity.HasOccurrenceOn(day) || (signup.OccurrenceDate is { } own && own != day))
        {
            return Problems.Invalid("occurrenceDate", "calendar.name-occurrence-date-sign");
        }
        if (signup.Status != SignupStatus.Confirmed)
        {
            return Problems.Conflict("calendar.only-confirmed-sign-up", new Text("calendar.sign-up", SignupStatusTexts.Of(signup.Status)));
        }
        var exceptions = await store.ExceptionsAsync(work, id, ct);
        var startsAt = exceptions.FirstOrDefault(e => e.Date == day)?.StartsAt ?? activity.Schedule.TimesOn(day).StartsAt;
        // Check-in opens an hour before the start; a no-show can only be known once it started.
        var opens = request.Status == AttendanceStatus.NoShow ? startsAt : startsAt.AddHours(-1);
        if (clock.GetUtcNow().UtcDateTime < opens)
        {
            return Problems.Conflict("calendar.occurrence-has-not-started", new Text("calendar.attendance-can-recorded-from", Amsterdam.ToLocal(opens)));
        }
        var attendance = await signups.RecordAttendanceAsync(work, signup, day, request.Status, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(attendance);
    }

    public static async Task<Results<Ok<Page<Attendance>>, ProblemHttpResult>> ListAttendance(
        Guid id, [AsParameters] PageRequest page, DateOnly? occurrenceDate, ActivityStore store, SignupStore signups, CancellationToken ct) =>
        await store.FindAsync(id, ct) is null ? Problems.NotFound("activity", id) : TypedResults.Ok(await signups.AttendanceAsync(id, occurrenceDate, page, ct));
}

public sealed record SignUpRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName,
    [property: Phone, StringLength(30)] string? Phone = null,
    DateOnly? OccurrenceDate = null,
    [property: Range(0, 10)] int Companions = 0,
    [property: StringLength(500)] string? AccessNeeds = null,
    bool NeedsRide = false,
    [property: AllowedValues(SignupChannels.Self, SignupChannels.Desk, null)] string? Channel = null,
    Guid? ResidentId = null);

public sealed record AttendanceRequest(
    [property: Required, AllowedValues(AttendanceStatus.Attended, AttendanceStatus.NoShow)] string Status,
    DateOnly? OccurrenceDate = null);
