namespace WijPlatform.Notices.Apis;

/// <summary>A resident's notices, the letters still to post, and each notice as a letter to print.</summary>
public static class NoticesApi
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static RouteGroupBuilder MapNoticesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices").WithTags("Notices").RequireRoles(WijRoles.Desk).Audited("notice");
        api.MapGet("/", OfResident).WithSummary("A resident's notices: what they were told, in which way, and whether it is done");
        api.MapGet("/letters", Letters).WithSummary("Letters still to print and post (or hand over); tick one off with POST /api/notices/{id}/done");
        api.MapGet("/{id:guid}/letter", PrintLetter).WithSummary("The notice as a printable Dutch letter (HTML, large type)");
        api.MapPost("/{id:guid}/done", Done).WithSummary("A letter was posted or handed over, or a call made; it leaves its list");
        return api;
    }

    public static async Task<Ok<Page<Notice>>> OfResident(Guid residentId, [AsParameters] PageRequest page, NoticeStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.OfResidentAsync(residentId, page, ct));

    public static async Task<Ok<Page<Notice>>> Letters([AsParameters] PageRequest page, NoticeStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.LettersAsync(page, ct));

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PrintLetter(Guid id, NoticeStore store, TimeProvider clock, CancellationToken ct) =>
        await store.FindAsync(id, ct) is ({ } notice, var recipient)
            ? TypedResults.Content(Letter.Html(notice, recipient, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime)), "text/html; charset=utf-8")
            : Problems.NotFound("notice", id);

    public static Task<Results<NoContent, ProblemHttpResult>> Done(Guid id, MarkDone request, Caller caller, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct) =>
        MarkDoneAsync(id, ofVolunteer: false, request, caller, unitOfWork, clock, ct);

    /// <summary>Ticks a resident's notice off (the desk) or a volunteer's (the coordinator); the other's notices are not found.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> MarkDoneAsync(Guid id, bool ofVolunteer, MarkDone request, Caller caller, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        switch (await NoticeStore.MarkDoneAsync(work, id, ofVolunteer, string.IsNullOrWhiteSpace(request.DoneBy) ? caller.Display : request.DoneBy.Trim(), clock.GetUtcNow().UtcDateTime, ct))
        {
            case null:
                return Problems.NotFound("notice", id);
            case false:
                return Problems.Conflict("notices.already-done", new Text("notices.notice-ticked-off-sent", id));
        }
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}

public sealed record MarkDone([property: StringLength(100)] string? DoneBy = null);
