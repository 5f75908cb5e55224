using MassTransit;

namespace WijPlatform.Calendar.Apis;

public static class ProposalsApi
{
    public static RouteGroupBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/proposals").WithTags("Proposals").RequireRoles(WijRoles.Desk, WijRoles.Professional, WijRoles.Coordinator).Audited("proposal");
        api.MapPost("/", Propose).WithSummary("A resident proposes an activity (at the desk or online)");
        api.MapGet("/", (([AsParameters] PageRequest page, [AllowedValues(ProposalStatus.Proposed, ProposalStatus.Approved, ProposalStatus.Declined, null)] string? status, ProposalStore store, CancellationToken ct) =>
            ListAsync(page, status, store, ct))).WithSummary("Proposals, oldest first; filter with ?status").RequireRoles(WijRoles.Coordinator);
        api.MapGet("/{id:guid}", async Task<Results<Ok<Proposal>, ProblemHttpResult>> (Guid id, ProposalStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } proposal ? TypedResults.Ok(proposal) : Problems.NotFound("proposal", id)).WithSummary("One proposal").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/approve", Approve).WithSummary("Staff approve: the proposal becomes an activity, planned with the time, room and capacity given").RequireRoles(WijRoles.Coordinator);
        api.MapPost("/{id:guid}/decline", Decline).WithSummary("Staff decline, with a reason for the resident").RequireRoles(WijRoles.Coordinator);
        return api;
    }

    private static async Task<Ok<Page<Proposal>>> ListAsync(PageRequest page, string? status, ProposalStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(status, page, ct));

    public static async Task<Created<Proposal>> Propose(ProposeRequest request, UnitOfWorkFactory unitOfWork, ProposalStore store, TimeProvider clock, CancellationToken ct)
    {
        var proposal = new Proposal(NewId.NextGuid(), request.Title.Trim(), request.Description.Trim(), request.Category.Trim().ToLowerInvariant(),
            request.ProposedBy.Trim(), request.Phone?.Trim(), request.ResidentId, request.SuggestedTime?.Trim(), ProposalStatus.Proposed, null, null, clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertAsync(work, proposal, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/calendar/proposals/{proposal.Id}", proposal);
    }

    public static async Task<Results<Created<Activity>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, CreateActivity request, UnitOfWorkFactory unitOfWork, ProposalStore proposals, ActivityStore activities, TimeProvider clock, CancellationToken ct)
    {
        var errors = ActivityRules.Validate(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await proposals.LockAsync(work, id, ct) is not { } proposal)
        {
            return Problems.NotFound("proposal", id);
        }
        if (proposal.Status != ProposalStatus.Proposed)
        {
            return AlreadyDecided(proposal);
        }
        var activity = ActivityRules.ToActivity(request, NewId.NextGuid(), clock.GetUtcNow().UtcDateTime, Organisers.Resident);
        if (await ActivitiesApi.InsertIfRoomFreeAsync(work, activity, activities, ct) is { } conflict)
        {
            return conflict;
        }
        await proposals.DecideAsync(work, id, ProposalStatus.Approved, null, activity.Id, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/calendar/activities/{activity.Id}", activity);
    }

    public static async Task<Results<Ok<Proposal>, ProblemHttpResult>> Decline(Guid id, DeclineRequest request, UnitOfWorkFactory unitOfWork, ProposalStore store, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.LockAsync(work, id, ct) is not { } proposal)
        {
            return Problems.NotFound("proposal", id);
        }
        if (proposal.Status != ProposalStatus.Proposed)
        {
            return AlreadyDecided(proposal);
        }
        await store.DecideAsync(work, id, ProposalStatus.Declined, request.Reason.Trim(), null, ct);
        await work.CommitAsync(ct);
        return TypedResults.Ok(proposal with { Status = ProposalStatus.Declined, DeclineReason = request.Reason.Trim() });
    }

    private static ProblemHttpResult AlreadyDecided(Proposal proposal) =>
        Problems.Conflict("calendar.proposal-already-decided", new Text("calendar.proposal", proposal.Id, proposal.Status));
}

public sealed record ProposeRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    [property: Required, StringLength(4000, MinimumLength = 1)] string Description,
    [property: Required, StringLength(50, MinimumLength = 1)] string Category,
    [property: Required, StringLength(100, MinimumLength = 1)] string ProposedBy,
    [property: Phone, StringLength(30)] string? Phone = null,
    Guid? ResidentId = null,
    [property: StringLength(200)] string? SuggestedTime = null);

public sealed record DeclineRequest([property: Required, StringLength(1000, MinimumLength = 1)] string Reason);
