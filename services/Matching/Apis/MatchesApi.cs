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
        var api = app.MapGroup("/api/matching/matches").WithTags("Matches");
        api.MapGet("/", async Task<Ok<Page<Match>>> ([AsParameters] PageRequest page, Guid? requestId, Guid? volunteerId, string? status, MatchStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(requestId, volunteerId, status, page, ct))).WithSummary("Matches, newest first; filter by request, volunteer or status").RequireRoles(WijRoles.Coordinator);
        api.MapGet("/{id:guid}", async Task<Results<Ok<Match>, ProblemHttpResult>> (Guid id, MatchStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } match ? TypedResults.Ok(match) : NotFound(id)).WithSummary("One match with the hours logged");
        api.MapPost("/{id:guid}/introduce", (Guid id, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Introduced, new MatchChange(), ct))
            .WithSummary("The volunteer and the resident have been introduced").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/decline", async Task<Results<Ok<DeclinedMatch>, ProblemHttpResult>> (Guid id, DeclineMatch decline, MatchMover mover, RequestStore requests, Matchmaker matchmaker, CancellationToken ct) =>
            {
                var moved = await mover.MoveAsync(id, MatchStatus.Declined, new MatchChange(DeclinedBy: decline.By), ct);
                if (moved.Result is not Ok<Match> { Value: { } match })
                {
                    return (ProblemHttpResult)moved.Result;
                }
                var request = await requests.FindAsync(match.RequestId, ct);
                return TypedResults.Ok(new DeclinedMatch(match, request is null ? [] : await matchmaker.RankAsync(request, 5, ct)));
            })
            .WithSummary("Either side declines (no blame): the request is open again and the next candidates are returned");
        api.MapPost("/{id:guid}/activate", (Guid id, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Active, new MatchChange(), ct))
            .WithSummary("Both said yes: the match is active").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/evaluate", (Guid id, EvaluateMatch evaluation, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Evaluated, new MatchChange(Evaluation: evaluation.Notes), ct))
            .WithSummary("Record the check-in after the first meetings").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/end", (Guid id, EndMatch end, MatchMover mover, CancellationToken ct) => mover.MoveAsync(id, MatchStatus.Ended, new MatchChange(EndReason: end.Reason), ct))
            .WithSummary("End the match; the request is closed").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/hours", LogHours).WithSummary("Log hours the volunteer spent on an active match");
        api.MapPost("/{id:guid}/check-in", CheckIn).WithSummary("Record the coordinator's check-in with both sides after the first meeting; the match leaves the check-in list").RequireRoles(WijRoles.Coordinator);
        app.MapGet("/api/matching/check-ins", async Task<Ok<Page<PendingCheckIn>>> ([AsParameters] PageRequest page, MatchStore store, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await store.CheckInsDueAsync(clock.GetUtcNow().UtcDateTime, page, ct)))
            .WithTags("Matches").WithSummary("The coordinator's to-do list: active matches that had their first meeting and nobody checked in on yet, longest waiting first").RequireRoles(WijRoles.Coordinator);
        return api;
    }

    public static async Task<Results<Ok<Match>, ProblemHttpResult>> LogHours(Guid id, LogHours hours, UnitOfWorkFactory unitOfWork, MatchStore store, TimeProvider clock, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (await store.LockAsync(work, id, ct) is not { } match)
            {
                return NotFound(id);
            }
            if (match.Status is not (MatchStatus.Active or MatchStatus.Evaluated))
            {
                return Problems.Conflict("Hours go on an active match.", $"The match is {match.Status}.");
            }
            await store.LogHoursAsync(work, id, hours.Day, hours.Hours, clock.GetUtcNow().UtcDateTime, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
    }

    public static async Task<Results<Ok<Match>, ProblemHttpResult>> CheckIn(Guid id, RecordCheckIn checkIn, UnitOfWorkFactory unitOfWork, MatchStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (await store.LockAsync(work, id, ct) is not { } match)
            {
                return NotFound(id);
            }
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
        return TypedResults.Ok((await store.FindAsync(id, ct))!);
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
    public async Task<Results<Ok<Match>, ProblemHttpResult>> MoveAsync(Guid id, string to, MatchChange change, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            if (await matches.LockAsync(work, id, ct) is not { } match)
            {
                return MatchesApi.NotFound(id);
            }
            if (!MatchStatus.CanMove(match.Status, to))
            {
                return Problems.Conflict("That step is not possible now.", $"A match that is {match.Status} cannot become {to}.");
            }
            var request = (await requests.LockAsync(work, match.RequestId, ct))!;
            await matches.MoveAsync(work, id, to, clock.GetUtcNow().UtcDateTime, change.DeclinedBy, change.EndReason, change.Evaluation, ct);
            await PublishAsync(work, match, request, to, change, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await matches.FindAsync(id, ct))!);
    }

    private async Task PublishAsync(UnitOfWork work, Match match, VolunteerRequest request, string to, MatchChange change, CancellationToken ct)
    {
        switch (to)
        {
            case MatchStatus.Introduced:
                await work.PublishAsync(new VolunteerMatchIntroduced(match.RequestId, match.Id, match.VolunteerId), ct);
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
