using MassTransit;

namespace WijPlatform.Matching.Application;

/// <summary>Ranks candidates for a stored request and turns a chosen candidate into a proposed match.</summary>
public sealed class Matchmaker(VolunteerStore volunteers, RequestStore requests, MatchStore matches, PostcodeMap map, TextCatalogue catalogue, TimeProvider clock)
{
    public DateOnly Today => Amsterdam.Today(clock.GetUtcNow());

    /// <summary>The request's PC4 area when it is off the map (so nobody's distance to it is known and nobody can be ranked), else null.</summary>
    public string? Unrankable(VolunteerRequest request) =>
        map.IndexOf(request.Postcode) < 0 ? request.Postcode[..Math.Min(4, request.Postcode.Length)] : null;

    public async Task<IReadOnlyList<Candidate>> RankAsync(VolunteerRequest request, int count, CancellationToken cancellationToken) =>
        await RankAsync(await QueryAsync(request, cancellationToken), count, null, cancellationToken);

    // Only volunteers whose area is within the furthest reach can be ranked: the rest need not be read.
    private async Task<IReadOnlyList<Candidate>> RankAsync(RankingQuery query, int count, UnitOfWork? work, CancellationToken cancellationToken)
    {
        var index = new CandidateIndex(map);
        foreach (var (volunteer, holding) in await volunteers.OfferingAsync(query.Talent, map.ReachableAreas(query.Postcode), work, cancellationToken))
        {
            index.Add(volunteer, holding);
        }
        return index.Rank(query, count);
    }

    /// <summary>
    /// Checks again, with the volunteer locked, that they fit and still have room (the ranking was read
    /// without locks), and that a place of the request is free for them (the supervisor's place only for a
    /// supervisor with a valid VOG), then records the proposal in that place and tells intake. Null with a
    /// reason when they do not fit. The caller holds the request's lock; a unique index keeps each place single.
    /// </summary>
    public async Task<(Match? Match, Text? Refusal)> ProposeAsync(UnitOfWork work, VolunteerRequest request, Guid volunteerId, string proposedBy, bool asSupervisor, CancellationToken cancellationToken) =>
        await ProposeAsync(work, request, volunteerId, proposedBy, asSupervisor, null, cancellationToken);

    private async Task<(Match? Match, Text? Refusal)> ProposeAsync(UnitOfWork work, VolunteerRequest request, Guid volunteerId, string proposedBy, bool asSupervisor, RankingQuery? ranked, CancellationToken cancellationToken)
    {
        var places = await requests.PlacesAsync(work, request, cancellationToken);
        if (request.Places > 1 && request.Status != RequestStatus.Closed && places.Free == 0)
        {
            return (null, PlaceTexts.AllTaken(request.Places));
        }
        if (request.Status != RequestStatus.Open)
        {
            return (null, new Text("matching.request-not-open", MatchingWords.RequestStatuses.Of(request.Status)));
        }
        var volunteer = await volunteers.LockAsync(work, volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return (null, "matching.no-such-volunteer");
        }
        if (!volunteer.Active)
        {
            return (null, "matching.volunteer-not-active");
        }
        var query = ranked ?? await QueryAsync(request, cancellationToken);
        var fit = TalentFit.Of(volunteer, query.Talent);
        var from = map.IndexOf(request.Postcode);
        var to = map.IndexOf(volunteer.Postcode);
        var holding = await volunteers.HoldingAsync(work, volunteerId, cancellationToken);
        if (fit == 0 || from < 0 || to < 0 || !Scoring.TryScore(query, volunteer, fit, map.DistanceKm(from, to), holding, out var parts))
        {
            return (null, "matching.volunteer-does-not-fit");
        }
        if (places.Refuse(asSupervisor, Vog.IsValidOn(volunteer.VogStatus, volunteer.VogIssuedOn, query.TaskDay)) is { } noPlace)
        {
            return (null, noPlace);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var match = new Match(NewId.NextGuid(), request.Id, volunteer.Id, MatchStatus.Proposed, Math.Round(parts.Total, 3), proposedBy, null, null, null, now, now, 0, null, null, null,
            Match.ReasonsOf(Scoring.Explain(parts, volunteer), catalogue), Math.Round(parts.DistanceKm, 1), places.Next, asSupervisor);
        await matches.InsertAsync(work, match, cancellationToken);
        await requests.SetStatusAsync(work, request.Id, places.StatusAfterProposal, cancellationToken);
        await work.PublishAsync(new VolunteerMatchProposed(request.Id, match.Id, volunteer.Id, volunteer.FirstName), cancellationToken);
        return (match, null);
    }

    /// <summary>
    /// A request that came in by message (and was just inserted in <paramref name="work"/>) gets its best
    /// candidate straight away when the choice is clear. Everything is read on the consumer's own connection,
    /// and nobody has been proposed for a new request yet, so that is not asked.
    /// </summary>
    public async Task<Match?> TryAutoProposeAsync(UnitOfWork work, VolunteerRequest request, AutoProposalOptions options, CancellationToken cancellationToken)
    {
        var query = new RankingQuery(request, Today, await requests.KnownVolunteersAsync(request.ResidentId, work, cancellationToken));
        var ranked = await RankAsync(query, 2, work, cancellationToken);
        return options.Pick(ranked) is { } best ? (await ProposeAsync(work, request, best.VolunteerId, "automatic", false, query, cancellationToken)).Match : null;
    }

    private async Task<RankingQuery> QueryAsync(VolunteerRequest request, CancellationToken cancellationToken) =>
        new(request, Today, await requests.KnownVolunteersAsync(request.ResidentId, null, cancellationToken), await requests.ProposedBeforeAsync(request.Id, cancellationToken));
}
