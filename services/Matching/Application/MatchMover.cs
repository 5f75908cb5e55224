namespace WijPlatform.Matching.Application;

public sealed record MatchChange(string? DeclinedBy = null, string? EndReason = null, string? Evaluation = null);

/// <summary>Moves a match one step, keeps the request's status in line, and publishes the step in the same transaction.</summary>
public sealed class MatchMover(UnitOfWorkFactory unitOfWork, MatchStore matches, RequestStore requests, VolunteerStore volunteers, TimeProvider clock)
{
    public async Task<Outcome<Match>> MoveAsync(Guid id, string to, MatchChange change, VolunteerScope scope, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await matches.LockAsync(work, id, scope, ct);
            if (locked.Refused("match", id) is { } refused)
            {
                return refused;
            }
            var match = locked.Value!;
            if (!MatchStatus.CanMove(match.Status, to))
            {
                return Refusal.Conflict("matching.step-not-possible-now", new Text("matching.match-cannot-become", MatchingWords.MatchStatuses.Of(match.Status), MatchingWords.MatchStatuses.Of(to)));
            }
            var request = (await requests.LockAsync(work, match.RequestId, ct))!;
            await matches.MoveAsync(work, id, to, clock.GetUtcNow().UtcDateTime, change.DeclinedBy, change.EndReason, change.Evaluation, ct);
            await PublishAsync(work, match, request, to, change, ct);
            await work.CommitAsync(ct);
        }
        return (await matches.FindAsync(id, scope, ct)).Value!;
    }

    /// <summary>The volunteer says yes to a proposal (themselves, or the coordinator for them); intake's referral shows it accepted.</summary>
    public async Task<Outcome<Match>> AcceptAsync(Guid id, VolunteerScope scope, CancellationToken ct)
    {
        await using (var work = await unitOfWork.BeginAsync(ct))
        {
            var locked = await matches.LockAsync(work, id, scope, ct);
            if (locked.Refused("match", id) is { } refused)
            {
                return refused;
            }
            var match = locked.Value!;
            if (match.AcceptedAt is { } at)
            {
                return Refusal.Conflict("matching.already-accepted", new Text("matching.volunteer-accepted-proposal-utc", at));
            }
            if (match.Status is not (MatchStatus.Proposed or MatchStatus.Introduced))
            {
                return Refusal.Conflict("matching.only-proposal-can-accepted", new Text("matching.match", MatchingWords.MatchStatuses.Of(match.Status)));
            }
            await matches.AcceptAsync(work, id, clock.GetUtcNow().UtcDateTime, ct);
            await work.PublishAsync(new VolunteerMatchAccepted(match.RequestId, match.Id, match.VolunteerId), ct);
            await work.CommitAsync(ct);
        }
        return (await matches.FindAsync(id, scope, ct)).Value!;
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
                // The declined match's place is free again.
                await requests.SetStatusAsync(work, request.Id, RequestStatus.Open, ct);
                await work.PublishAsync(new VolunteerMatchDeclined(match.RequestId, match.Id, change.DeclinedBy!), ct);
                break;
            case MatchStatus.Active:
                var volunteer = (await volunteers.LockAsync(work, match.VolunteerId, ct))!;
                // Matched once every place is taken by an active match; until then it stays as it was (open or proposed).
                await requests.SetStatusAsync(work, request.Id, (await requests.PlacesAsync(work, request, ct)).Status, ct);
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
                // A job of several people closes when the last of them ends.
                if ((await requests.PlacesAsync(work, request, ct)).Taken.Count == 0)
                {
                    await requests.SetStatusAsync(work, request.Id, RequestStatus.Closed, ct);
                }
                await work.PublishAsync(new VolunteerMatchEnded(match.RequestId, match.Id, change.EndReason!), ct);
                break;
        }
    }
}
