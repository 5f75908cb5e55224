using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Calendar.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

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

    /// <summary>Signs up through the web (self), at the desk on a resident's behalf, or for intake's referral.</summary>
    public static async Task<Results<Created<Signup>, ValidationProblem, ProblemHttpResult>> SignUp(
        Guid id, SignUpRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var channel = request.Channel ?? SignupChannels.Self;
        var outcome = await TrySignUpAsync(work, id, new NewSignup(request.OccurrenceDate, request.DisplayName.Trim(), request.Phone?.Trim(), request.Companions,
            request.AccessNeeds?.Trim(), request.NeedsRide, channel, request.ResidentId), store, signups, clock, ct);
        if (outcome.Signup is not { } signup)
        {
            var refusal = outcome.Refusal!;
            if (refusal == SignupRefusal.NotFound)
            {
                return ActivitiesApi.NotFound(id);
            }
            return refusal == SignupRefusal.NoSuchOccurrence
                ? Problems.Invalid("occurrenceDate", refusal.Detail)
                : Problems.Conflict(refusal.Title, refusal.Detail);
        }
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/calendar/activities/{id}/signups/{signup.Id}", signup);
    }

    /// <summary>
    /// The one sign-up rule for every channel: a planned, open occurrence that has not started, and
    /// for an activity only for a partner's clients, not on one's own. Seats are counted under the
    /// activity's row lock.
    /// </summary>
    internal static async Task<(Signup? Signup, SignupRefusal? Refusal)> TrySignUpAsync(
        UnitOfWork work, Guid id, NewSignup request, ActivityStore store, SignupStore signups, TimeProvider clock, CancellationToken ct)
    {
        if (await store.LockAsync(work, id, ct) is not { } activity)
        {
            return (null, SignupRefusal.NotFound);
        }
        if (activity.IsCancelled)
        {
            return (null, SignupRefusal.Cancelled);
        }
        if (activity.TargetGroup == TargetGroups.PartnerClients && request.Channel == SignupChannels.Self)
        {
            return (null, SignupRefusal.PartnerClientsOnly(activity.TargetPartner));
        }
        if (request.OccurrenceDate is { } only && activity.Recurrence is null && only != activity.Schedule.FirstDate)
        {
            return (null, SignupRefusal.NoSuchOccurrence);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var exceptions = await store.ExceptionsAsync(work.Connection, work.Transaction, id, ct);
        if (request.OccurrenceDate is { } date && activity.Recurrence is not null)
        {
            if (!activity.HasOccurrenceOn(date))
            {
                return (null, SignupRefusal.NoSuchOccurrence);
            }
            if (exceptions.Any(e => e.Date == date && e.Kind != Model.OccurrenceException.Changed))
            {
                return (null, SignupRefusal.OccurrenceOff);
            }
            var (startsAt, _) = activity.Schedule.TimesOn(date);
            if ((exceptions.FirstOrDefault(e => e.Date == date)?.StartsAt ?? startsAt) <= now)
            {
                return (null, SignupRefusal.Started);
            }
        }
        else if (activity.SeriesEndsAt <= now || (activity.Recurrence is null && activity.StartsAt <= now))
        {
            return (null, SignupRefusal.Started);
        }
        return (await signups.SignUpAsync(work, activity, request, ct), null);
    }

    public static async Task<Results<Ok<Page<Signup>>, ProblemHttpResult>> ListSignups(
        Guid id, [AsParameters] PageRequest page, DateOnly? occurrenceDate, [AllowedValues(SignupStatus.Confirmed, SignupStatus.Waitlisted, SignupStatus.Cancelled, null)] string? status,
        ActivityStore store, SignupStore signups, CancellationToken ct) =>
        await store.FindAsync(id, ct) is null ? ActivitiesApi.NotFound(id) : TypedResults.Ok(await signups.ListAsync(id, occurrenceDate, status, page, ct));

    public static async Task<Results<Ok<Signup>, ProblemHttpResult>> GetSignup(Guid id, Guid signupId, SignupStore signups, CancellationToken ct) =>
        await signups.FindAsync(id, signupId, ct) is { } signup ? TypedResults.Ok(signup) : SignupNotFound(signupId);

    public static async Task<Results<Ok<Signup>, ProblemHttpResult>> CancelSignup(
        Guid id, Guid signupId, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } activity || await signups.CancelAsync(work, activity, signupId, ct) is not { } signup)
        {
            return SignupNotFound(signupId);
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
            return SignupNotFound(signupId);
        }
        if (signup.Status == SignupStatus.Cancelled)
        {
            return Problems.Conflict("The sign-up is cancelled.", "Sign the resident up again instead.");
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(signup);
    }

    public static async Task<Results<Ok<Attendance>, ValidationProblem, ProblemHttpResult>> RecordAttendance(
        Guid id, Guid signupId, AttendanceRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } activity || await signups.FindAsync(work, id, signupId, ct) is not { } signup)
        {
            return SignupNotFound(signupId);
        }
        var date = request.OccurrenceDate ?? signup.OccurrenceDate ?? (activity.Recurrence is null ? activity.Schedule.FirstDate : null);
        if (date is not { } day || !activity.HasOccurrenceOn(day) || (signup.OccurrenceDate is { } own && own != day))
        {
            return Problems.Invalid("occurrenceDate", "Name the occurrence (a date this sign-up is for).");
        }
        if (signup.Status != SignupStatus.Confirmed)
        {
            return Problems.Conflict("Only a confirmed sign-up can attend.", $"The sign-up is {signup.Status}.");
        }
        var exceptions = await store.ExceptionsAsync(work.Connection, work.Transaction, id, ct);
        var startsAt = exceptions.FirstOrDefault(e => e.Date == day)?.StartsAt ?? activity.Schedule.TimesOn(day).StartsAt;
        // Check-in opens an hour before the start; a no-show can only be known once it started.
        var opens = request.Status == AttendanceStatus.NoShow ? startsAt : startsAt.AddHours(-1);
        if (clock.GetUtcNow().UtcDateTime < opens)
        {
            return Problems.Conflict("The occurrence has not started yet.", $"Attendance can be recorded from {Amsterdam.ToLocal(opens):yyyy-MM-dd HH:mm} (Amsterdam time).");
        }
        var attendance = await signups.RecordAttendanceAsync(work, signup, day, request.Status, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(attendance);
    }

    public static async Task<Results<Ok<Page<Attendance>>, ProblemHttpResult>> ListAttendance(
        Guid id, [AsParameters] PageRequest page, DateOnly? occurrenceDate, ActivityStore store, SignupStore signups, CancellationToken ct) =>
        await store.FindAsync(id, ct) is null ? ActivitiesApi.NotFound(id) : TypedResults.Ok(await signups.AttendanceAsync(id, occurrenceDate, page, ct));

    private static ProblemHttpResult SignupNotFound(Guid signupId) =>
        Problems.NotFound("Sign-up not found.", $"There is no sign-up {signupId} for this activity.");
}

/// <summary>Why a sign-up was refused; the title and detail are what the caller (or intake) is told.</summary>
public sealed record SignupRefusal(string Title, string Detail)
{
    public static readonly SignupRefusal NotFound = new("Activity not found.", "There is no such activity.");
    public static readonly SignupRefusal Cancelled = new("The activity is cancelled.", "It no longer takes place.");
    public static readonly SignupRefusal NoSuchOccurrence = new("No such occurrence.", "The activity does not take place on that date.");
    public static readonly SignupRefusal OccurrenceOff = new("The occurrence does not take place.", "That date was skipped or cancelled.");
    public static readonly SignupRefusal Started = new("The activity has already started.", "Sign-ups close when it starts.");

    public static SignupRefusal PartnerClientsOnly(string? partner) =>
        new("The activity is for a partner's clients.", $"Clients of {partner} sign up through their partner or the desk.");
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
