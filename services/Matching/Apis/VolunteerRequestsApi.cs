using MassTransit;

namespace WijPlatform.Matching.Apis;

public static class VolunteerRequestsApi
{
    public static RouteGroupBuilder MapVolunteerRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching/requests").WithTags("Volunteer requests").RequireRoles(WijRoles.Coordinator).Audited("volunteer-request");
        api.MapPost("/", RegisterRequest).WithSummary("Register a request for a volunteer, or for several (places), optionally under supervision with day-activity participants, for a resident or a business; it waits in the queue for the coordinator");
        api.MapGet("/", async Task<Ok<Page<VolunteerRequest>>> ([AsParameters] PageRequest page, [AllowedValues(null, "open", "proposed", "matched", "closed")] string? status, RequestStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(status, page, ct))).WithSummary("Requests for volunteers, newest first; ?status=open for the queue");
        api.MapGet("/{id:guid}", async Task<Results<Ok<VolunteerRequest>, ProblemHttpResult>> (Guid id, RequestStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("volunteer request", id))
            .WithSummary("One request");
        api.MapGet("/{id:guid}/candidates", Candidates).WithSummary("The best volunteers for the request, with a score and the reasons: the one proposed now first (proposed: true, with the reasons of the proposal), then the others; volunteers declined before are left out");
        api.MapPost("/{id:guid}/proposals", Propose).WithSummary("The coordinator proposes a volunteer for the request; each takes one of its places (asSupervisor: the supervisor's, VOG needed); 409 when no place is left for them");
        return api;
    }

    public static async Task<Results<Created<VolunteerRequest>, ValidationProblem>> RegisterRequest(
        RegisterVolunteerRequest request, UnitOfWorkFactory unitOfWork, RequestStore store, BusinessStore businesses, PostcodeMap map, NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(map);
        if (request.BusinessId is { } businessId && await businesses.FindAsync(businessId, ct) is null)
        {
            errors["businessId"] = [PlaceTexts.NoSuchBusiness];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var postcode = Contracts.Vocabulary.Postcode.Normalise(request.Postcode)!;
        var talent = Talents.Normalise(request.Talent);
        var created = new VolunteerRequest(
            NewId.NextGuid(), "coordinator", null, request.ResidentId, null, talent, postcode, neighbourhoods.Find(postcode),
            request.WantedAt?.UtcDateTime, request.WeeklyDay, request.WeeklyFrom is { } from ? from.Hour * 60 + from.Minute : null, request.DurationMinutes,
            request.Urgency ?? Urgency.Normal, request.InsideHome || Talents.InsideHome.Contains(talent), request.PreferredLanguage?.ToLowerInvariant(), request.PreferredGender,
            request.FirstName?.Trim(), request.Street?.Trim(), RequestStatus.Open, clock.GetUtcNow().UtcDateTime, null,
            Places: request.Places, Supervised: request.Supervised, Participants: request.Participants, BusinessId: request.BusinessId);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertAsync(work, created, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/matching/requests/{created.Id}", created);
    }

    /// <summary>
    /// The volunteer proposed now first (marked, with the reasons kept at the proposal), then the best others, so the coordinator
    /// can overrule; a request that cannot be ranked is answered with the reason (409), not an empty list.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<Candidate>>, ProblemHttpResult>> Candidates(Guid id, [Range(1, 50)] int? count, RequestStore store, MatchStore matches, Matchmaker matchmaker, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } request)
        {
            return Problems.NotFound("volunteer request", id);
        }
        if (matchmaker.Unrankable(request) is { } area)
        {
            return Problems.Conflict("matching.no-candidates-can-ranked", new Text("matching.request-outside-areas", area));
        }
        var proposed = await matches.ProposedCandidatesAsync(id, ct);
        var others = await matchmaker.RankAsync(request, count ?? 10, ct);
        return TypedResults.Ok<IReadOnlyList<Candidate>>([.. proposed, .. others.Where(c => proposed.All(p => p.VolunteerId != c.VolunteerId))]);
    }

    public static async Task<Results<Created<Match>, ProblemHttpResult>> Propose(Guid id, ProposeVolunteer proposal, UnitOfWorkFactory unitOfWork, RequestStore store, Matchmaker matchmaker, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } request)
        {
            return Problems.NotFound("volunteer request", id);
        }
        var (match, refusal) = await matchmaker.ProposeAsync(work, request, proposal.VolunteerId, "coordinator", proposal.AsSupervisor, ct);
        if (match is null)
        {
            return Problems.Conflict("matching.volunteer-cannot-proposed", refusal!);
        }
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/matching/matches/{match.Id}", match);
    }
}

/// <summary>A volunteer for one of the request's places; <c>asSupervisor</c> for the supervisor's place of a supervised request.</summary>
public sealed record ProposeVolunteer([property: Required] Guid VolunteerId, bool AsSupervisor = false);

public sealed record RegisterVolunteerRequest(
    [property: Required, StringLength(50, MinimumLength = 1)] string Talent,
    [property: Required, StringLength(7), DutchPostcode] string Postcode,
    DateTimeOffset? WantedAt = null,
    DayOfWeek? WeeklyDay = null,
    TimeOnly? WeeklyFrom = null,
    [property: Range(15, 480)] int DurationMinutes = 60,
    [property: AllowedValues(null, Urgency.Low, Urgency.Normal, Urgency.High, Urgency.Crisis)] string? Urgency = null,
    bool InsideHome = false,
    [property: StringLength(8)] string? PreferredLanguage = null,
    [property: AllowedValues(null, "female", "male", "x")] string? PreferredGender = null,
    Guid? ResidentId = null,
    [property: StringLength(100)] string? FirstName = null,
    [property: StringLength(200)] string? Street = null,
    [property: Range(1, 50)] int Places = 1,
    bool Supervised = false,
    [property: Range(0, 50)] int Participants = 0,
    Guid? BusinessId = null)
{
    public Dictionary<string, string[]> Validate(PostcodeMap map)
    {
        var errors = new Dictionary<string, string[]>();
        if (Contracts.Vocabulary.Postcode.Normalise(Postcode) is { } postcode && map.Find(postcode) is null)
        {
            errors["postcode"] = ["matching.postcode-outside-areas-service"];
        }
        if (Talents.Normalise(Talent).Length == 0)
        {
            errors["talent"] = ["matching.name-talent-needed"];
        }
        if (WeeklyDay is { } day && !Enum.IsDefined(day))
        {
            errors["weeklyDay"] = ["matching.name-day-week-such"];
        }
        if ((WeeklyDay is null) != (WeeklyFrom is null))
        {
            errors["weeklyFrom"] = ["matching.weekly-request-needs-both"];
        }
        if (Participants > 0 && !Supervised)
        {
            errors["participants"] = [PlaceTexts.ParticipantsNeedSupervision];
        }
        if (BusinessId is not null && ResidentId is not null)
        {
            errors["businessId"] = [PlaceTexts.ResidentOrBusiness];
        }
        if (WantedAt is not null && WeeklyDay is not null)
        {
            errors["wantedAt"] = ["matching.request-either-once-wantedat"];
        }
        return errors;
    }
}
