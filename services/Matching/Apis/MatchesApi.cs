using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Contracts;
using WijPlatform.Matching.Infrastructure;
using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Matching.Apis;

/// <summary>The lifecycle of a match; every step is published so that intake (and the café, for a round) can follow.</summary>
public static class MatchesApi
{
    public static RouteGroupBuilder MapMatchesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/matches").WithTags("Matches").RequireRoles(WijRoles.Coordinator, WijRoles.Volunteer).Audited("match");
        api.MapGet("/", async Task<Ok<Page<Match>>> ([AsParameters] PageRequest page, Guid? requestId, Guid? volunteerId, string? status, MatchStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(requestId, volunteerId, status, page, ct))).WithSummary("Matches, newest first; filter by request, volunteer or status").RequireRoles(WijRoles.Coordinator);
        api.MapGet("/{id:guid}", async Task<Results<Ok<Match>, ProblemHttpResult>> (Guid id, VolunteerScope scope, MatchStore store, CancellationToken ct) =>
            (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => NotFound(id))).WithSummary("One match with the hours logged; its volunteer sees it without the coordinator's notes");
        api.MapPost("/{id:guid}/introduce", (Guid id, VolunteerScope scope, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Introduced, new MatchChange(), scope, ct))
            .WithSummary("The volunteer and the resident have been introduced").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/accept", Accept)
            .WithSummary("The volunteer says yes to a proposal (themselves, or the coordinator for them); intake's referral shows it accepted, the coordinator introduces them next");
        api.MapPost("/{id:guid}/decline", Decline)
            .WithSummary("Either side declines (no blame): the request is open again and the coordinator gets the next candidates (the volunteer does not)");
        api.MapPost("/{id:guid}/activate", (Guid id, VolunteerScope scope, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Active, new MatchChange(), scope, ct))
            .WithSummary("Both said yes: the match is active").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/evaluate", (Guid id, EvaluateMatch evaluation, VolunteerScope scope, MatchMover mover, CancellationToken ct) =>
                mover.MoveAsync(id, MatchStatus.Evaluated, new MatchChange(Evaluation: evaluation.Notes), scope, ct))
            .WithSummary("Record the check-in after the first meetings").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/end", (Guid id, EndMatch end, VolunteerScope scope, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Ended, new MatchChange(EndReason: end.Reason), scope, ct))
            .WithSummary("End the match; the request is closed").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/hours", LogHours).WithSummary("Log hours the volunteer spent on an active match");
        api.MapPost("/{id:guid}/check-in", CheckIn).WithSummary("Record the coordinator's check-in with both sides after the first meeting; the match leaves the check-in list").RequireRoles(WijRoles.Coordinator);

        var checkIns = app.MapGroup("/api/matching/check-ins").WithTags("Matches").RequireRoles(WijRoles.Coordinator).Audited("match");
        checkIns.MapGet("/", async Task<Ok<Page<PendingCheckIn>>> ([AsParameters] PageRequest page, MatchStore store, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await store.CheckInsDueAsync(clock.GetUtcNow().UtcDateTime, page, ct)))
            .WithSummary("The coordinator's to-do list: active matches that had their first meeting and nobody checked in on yet, longest waiting first");
        return api;
    }

    public static async Task<Results<Ok<DeclinedMatch>, ProblemHttpResult>> Decline(
        Guid id, DeclineMatch decline, VolunteerScope scope, MatchMover mover, RequestStore requests, Matchmaker matchmaker, CancellationToken ct)
    {
        // A volunteer declines for themselves, whatever the body says.
        var moved = await mover.MoveAsync(id, MatchStatus.Declined, new MatchChange(DeclinedBy: scope.IsVolunteer ? "volunteer" : decline.By), scope, ct);
        if (moved.Result is not Ok<Match> { Value: { } match })
        {
            return (ProblemHttpResult)moved.Result;
        }
        // Who else could do it is the coordinator's business: a volunteer does not learn other volunteers' names, distances or reasons.
        if (scope.IsVolunteer || await requests.FindAsync(match.RequestId, ct) is not { } request)
        {
            return TypedResults.Ok(new DeclinedMatch(match, []));
        }
        return TypedResults.Ok(new DeclinedMatch(match, await matchmaker.RankAsync(request, 5, ct)));
    }

    public static async Task<Results<Ok<Match>, ProblemHttpResult>> Accept(Guid id, VolunteerScope scope, UnitOfWorkFactory unitOfWork, MatchStore store, TimeProvider clock, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await store.LockAsync(work, id, scope, ct);
            if (locked.Problem(() => NotFound(id)) is { } problem)
            {
                return problem;
            }
            var match = locked.Value!;
            if (match.AcceptedAt is { } at)
            {
                return Problems.Conflict("Already accepted.", $"The volunteer accepted this proposal at {at:yyyy-MM-dd HH:mm} UTC.");
            }
            if (match.Status is not (MatchStatus.Proposed or MatchStatus.Introduced))
            {
                return Problems.Conflict("Only a proposal can be accepted.", $"The match is {match.Status}.");
            }
            await store.AcceptAsync(work, id, clock.GetUtcNow().UtcDateTime, ct);
            await work.PublishAsync(new VolunteerMatchAccepted(match.RequestId, match.Id, match.VolunteerId), ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, scope, ct)).Value!);
    }

    public static async Task<Results<Ok<Match>, ProblemHttpResult>> LogHours(Guid id, LogHours hours, VolunteerScope scope, UnitOfWorkFactory unitOfWork, MatchStore store, TimeProvider clock, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await store.LockAsync(work, id, scope, ct);
            if (locked.Problem(() => NotFound(id)) is { } problem)
            {
                return problem;
            }
            var match = locked.Value!;
            if (match.Status is not (MatchStatus.Active or MatchStatus.Evaluated))
            {
                return Problems.Conflict("Hours go on an active match.", $"The match is {match.Status}.");
            }
            await store.LogHoursAsync(work, id, hours.Day, hours.Hours, clock.GetUtcNow().UtcDateTime, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, scope, ct)).Value!);
    }

    public static async Task<Results<Ok<Match>, ProblemHttpResult>> CheckIn(Guid id, RecordCheckIn checkIn, VolunteerScope scope, UnitOfWorkFactory unitOfWork, MatchStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await store.LockAsync(work, id, scope, ct);
            if (locked.Problem(() => NotFound(id)) is { } problem)
            {
                return problem;
            }
            var match = locked.Value!;
            if (match.CheckedInAt is not null)
            {
                return Problems.Conflict("Already checked in.", $"The check-in for this match was recorded at {match.CheckedInAt:yyyy-MM-dd HH:mm} UTC.");
            }
            if (!CheckIns.IsDue(match.Status, await store.FirstMeetingHeldAsync(work, id, now, ct), null, null, now))
            {
                return Problems.Conflict("No check-in due yet.", match.Status == MatchStatus.Active
                    ? "The check-in follows the first meeting: log the first hours (or wait until the task's time has passed)."
                    : $"Check-ins are for active matches; this match is {match.Status}.");
            }
            await store.RecordCheckInAsync(work, id, checkIn.Notes?.Trim(), string.IsNullOrWhiteSpace(checkIn.By) ? "coordinator" : checkIn.By.Trim(), now, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, scope, ct)).Value!);
    }

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("Match not found.", $"There is no match {id}.");
}

public sealed record DeclinedMatch(Match Match, IReadOnlyList<Candidate> NextCandidates);

public sealed record DeclineMatch([property: Required, AllowedValues("volunteer", "resident")] string By);

public sealed record EvaluateMatch([property: StringLength(2000)] string? Notes = null);

public sealed record RecordCheckIn([property: StringLength(2000)] string? Notes = null, [property: StringLength(100)] string? By = null);

public sealed record EndMatch([property: Required, StringLength(200, MinimumLength = 1)] string Reason);

public sealed record LogHours([property: Required] DateOnly Day, [property: Range(typeof(decimal), "0.25", "24")] decimal Hours);

public sealed record MatchChange(string? DeclinedBy = null, string? EndReason = null, string? Evaluation = null);

/// <summary>Moves a match one step, keeps the request's status in line, and publishes the step in the same transaction.</summary>
public sealed class MatchMover(UnitOfWorkFactory unitOfWork, MatchStore matches, RequestStore requests, VolunteerStore volunteers, TimeProvider clock)
{
    public async Task<Results<Ok<Match>, ProblemHttpResult>> MoveAsync(Guid id, string to, MatchChange change, VolunteerScope scope, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await matches.LockAsync(work, id, scope, ct);
            if (locked.Problem(() => MatchesApi.NotFound(id)) is { } problem)
            {
                return problem;
            }
            var match = locked.Value!;
            if (!MatchStatus.CanMove(match.Status, to))
            {
                return Problems.Conflict("That step is not possible now.", $"A match that is {match.Status} cannot become {to}.");
            }
            var request = (await requests.LockAsync(work, match.RequestId, ct))!;
            await matches.MoveAsync(work, id, to, clock.GetUtcNow().UtcDateTime, change.DeclinedBy, change.EndReason, change.Evaluation, ct);
            await PublishAsync(work, match, request, to, change, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await matches.FindAsync(id, scope, ct)).Value!);
    }

    private async Task PublishAsync(UnitOfWork work, Match match, VolunteerRequest request, string to, MatchChange change, CancellationToken ct)
    {
        switch (to)
        {
            case MatchStatus.Introduced:
                var introduced = await volunteers.LockAsync(work, match.VolunteerId, ct);
                await work.PublishAsync(new VolunteerMatchIntroduced(match.RequestId, match.Id, match.VolunteerId, request.ResidentId, introduced?.FirstName), ct);
                break;
            case MatchStatus.Declined:
                await requests.SetStatusAsync(work, request.Id, RequestStatus.Open, ct);
                await work.PublishAsync(new VolunteerMatchDeclined(match.RequestId, match.Id, change.DeclinedBy!), ct);
                break;
            case MatchStatus.Active:
                var volunteer = (await volunteers.LockAsync(work, match.VolunteerId, ct))!;
                await requests.SetStatusAsync(work, request.Id, RequestStatus.Matched, ct);
                await work.PublishAsync(new VolunteerMatched(match.RequestId, match.Id, match.VolunteerId, volunteer.FirstName), ct);
                if (request.RoundId is { } round)
                {
                    await work.PublishAsync(new DelivererAssigned(round, match.VolunteerId, volunteer.FirstName), ct);
                }
                break;
            case MatchStatus.Evaluated:
                await work.PublishAsync(new VolunteerMatchEvaluated(match.RequestId, match.Id), ct);
                break;
            case MatchStatus.Ended:
                await requests.SetStatusAsync(work, request.Id, RequestStatus.Closed, ct);
                await work.PublishAsync(new VolunteerMatchEnded(match.RequestId, match.Id, change.EndReason!), ct);
                break;
        }
    }
}
