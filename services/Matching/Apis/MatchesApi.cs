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
            (await store.FindAsync(id, scope, ct)).Answer(TypedResults.Ok, () => Problems.NotFound("match", id))).WithSummary("One match with the hours logged; its volunteer sees it without the coordinator's notes");
        api.MapPost("/{id:guid}/introduce", async (Guid id, VolunteerScope scope, MatchMover mover, CancellationToken ct) => (await mover.MoveAsync(id, MatchStatus.Introduced, new MatchChange(), scope, ct)).Answer(TypedResults.Ok))
            .WithSummary("The volunteer and the resident have been introduced").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/accept", async (Guid id, VolunteerScope scope, MatchMover mover, CancellationToken ct) => (await mover.AcceptAsync(id, scope, ct)).Answer(TypedResults.Ok))
            .WithSummary("The volunteer says yes to a proposal (themselves, or the coordinator for them); intake's referral shows it accepted, the coordinator introduces them next");
        api.MapPost("/{id:guid}/decline", Decline)
            .WithSummary("Either side declines (no blame): the request is open again and the coordinator gets the next candidates (the volunteer does not)");
        api.MapPost("/{id:guid}/activate", async (Guid id, VolunteerScope scope, MatchMover mover, CancellationToken ct) => (await mover.MoveAsync(id, MatchStatus.Active, new MatchChange(), scope, ct)).Answer(TypedResults.Ok))
            .WithSummary("Both said yes: the match is active").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/evaluate", async (Guid id, EvaluateMatch evaluation, VolunteerScope scope, MatchMover mover, CancellationToken ct) =>
                (await mover.MoveAsync(id, MatchStatus.Evaluated, new MatchChange(Evaluation: evaluation.Notes), scope, ct)).Answer(TypedResults.Ok))
            .WithSummary("Record the check-in after the first meetings").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/end", async (Guid id, EndMatch end, VolunteerScope scope, MatchMover mover, CancellationToken ct) => (await mover.MoveAsync(id, MatchStatus.Ended, new MatchChange(EndReason: end.Reason), scope, ct)).Answer(TypedResults.Ok))
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
        if (moved.Value is not { } match)
        {
            return moved.Refusal!.Problem();
        }
        // Who else could do it is the coordinator's business: a volunteer does not learn other volunteers' names, distances or reasons.
        if (scope.IsVolunteer || await requests.FindAsync(match.RequestId, ct) is not { } request)
        {
            return TypedResults.Ok(new DeclinedMatch(match, []));
        }
        return TypedResults.Ok(new DeclinedMatch(match, await matchmaker.RankAsync(request, 5, ct)));
    }

    public static async Task<Results<Ok<Match>, ProblemHttpResult>> LogHours(Guid id, LogHours hours, VolunteerScope scope, UnitOfWorkFactory unitOfWork, MatchStore store, TimeProvider clock, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await store.LockAsync(work, id, scope, ct);
            if (locked.Problem(() => Problems.NotFound("match", id)) is { } problem)
            {
                return problem;
            }
            var match = locked.Value!;
            if (match.Status is not (MatchStatus.Active or MatchStatus.Evaluated))
            {
                return Problems.Conflict("matching.hours-go-active-match", new Text("matching.match", MatchingWords.MatchStatuses.Of(match.Status)));
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
            if (locked.Problem(() => Problems.NotFound("match", id)) is { } problem)
            {
                return problem;
            }
            var match = locked.Value!;
            if (match.CheckedInAt is not null)
            {
                return Problems.Conflict("matching.already-checked", new Text("matching.check-match-recorded-utc", match.CheckedInAt));
            }
            if (!CheckIns.IsDue(match.Status, await store.FirstMeetingHeldAsync(work, id, now, ct), null, null, now))
            {
                return Problems.Conflict("matching.no-check-due-yet", match.Status == MatchStatus.Active
                    ? "matching.check-in-after-first-meeting"
                    : new Text("matching.check-in-active-only", MatchingWords.MatchStatuses.Of(match.Status)));
            }
            await store.RecordCheckInAsync(work, id, checkIn.Notes?.Trim(), string.IsNullOrWhiteSpace(checkIn.By) ? "coordinator" : checkIn.By.Trim(), now, ct);
            await work.CommitAsync(ct);
        }
        return TypedResults.Ok((await store.FindAsync(id, scope, ct)).Value!);
    }
}

public sealed record DeclinedMatch(Match Match, IReadOnlyList<Candidate> NextCandidates);

public sealed record DeclineMatch([property: Required, AllowedValues("volunteer", "resident")] string By);

public sealed record EvaluateMatch([property: StringLength(2000)] string? Notes = null);

public sealed record RecordCheckIn([property: StringLength(2000)] string? Notes = null, [property: StringLength(100)] string? By = null);

public sealed record EndMatch([property: Required, StringLength(200, MinimumLength = 1)] string Reason);

public sealed record LogHours([property: Required] DateOnly Day, [property: Range(typeof(decimal), "0.25", "24")] decimal Hours);
