namespace WijPlatform.Notices.Apis;

/// <summary>
/// The coordinator's side of volunteers' notices. The coordinator knows the volunteers (the desk knows
/// the residents), and many deliverers work under supervision without a phone of their own: a notice
/// for a volunteer who wants no text message or email is on the coordinator's list, to phone or to
/// tell in person, and ticked off when done.
/// </summary>
public static class VolunteerNoticesApi
{
    public static RouteGroupBuilder MapVolunteerNoticesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices/volunteers").WithTags("Volunteer notices").RequireRoles(WijRoles.Coordinator, WijRoles.Volunteer).Audited("notice");
        api.MapGet("/", OfVolunteer).WithSummary("A volunteer's notices (the coordinator, or the volunteer their own): what they were told, in which way, and whether it is done");
        api.MapGet("/calls", Calls).RequireRoles(WijRoles.Coordinator)
            .WithSummary("Volunteers to tell something today (every notice due by ?date=, default today in Amsterdam, not yet ticked off), by phone or in person");
        api.MapPost("/{id:guid}/done", Done).RequireRoles(WijRoles.Coordinator).WithSummary("The volunteer was told; the notice leaves the coordinator's list");
        return api;
    }

    public static async Task<Results<Ok<Page<Notice>>, ProblemHttpResult>> OfVolunteer(Guid volunteerId, [AsParameters] PageRequest page, VolunteerScope scope, NoticeStore store, CancellationToken ct) =>
        scope.IsVolunteer && scope.Volunteer != volunteerId
            ? Problems.Forbidden(VolunteerScope.Refusal)
            : TypedResults.Ok(await store.OfVolunteerAsync(volunteerId, page, ct));

    public static async Task<Ok<Page<VolunteerCall>>> Calls([AsParameters] CallFilter filter, [AsParameters] PageRequest page, NoticeStore store, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await store.VolunteerCallsAsync(filter.Date ?? Amsterdam.Today(clock.GetUtcNow()), page, ct));

    public static Task<Results<NoContent, ProblemHttpResult>> Done(Guid id, MarkDone request, Caller caller, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct) =>
        NoticesApi.MarkDoneAsync(id, ofVolunteer: true, request, caller, unitOfWork, clock, ct);
}
