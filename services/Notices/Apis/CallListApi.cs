namespace WijPlatform.Notices.Apis;

/// <summary>The desk's list of residents to phone today, with the words to say; a call ticked off (POST /api/notices/{id}/done) leaves the list.</summary>
public static class CallListApi
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static RouteGroupBuilder MapCallListApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices/calls").WithTags("Call list").RequireRoles(WijRoles.Desk).Audited("notice");
        api.MapGet("/", Today)
            .WithSummary("Who to phone today (every call due by ?date=, default today in Amsterdam, not yet ticked off), with the Dutch words to say");
        return api;
    }

    public static async Task<Ok<Page<PhoneCall>>> Today([AsParameters] CallFilter filter, [AsParameters] PageRequest page, NoticeStore store, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await store.CallsAsync(filter.Date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime), page, ct));
}

public sealed record CallFilter(DateOnly? Date);
