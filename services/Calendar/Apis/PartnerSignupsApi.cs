namespace WijPlatform.Calendar.Apis;

/// <summary>
/// A partner organisation's system (API key) signs up its own clients for an activity meant for them
/// (the GGZ organisation's computer class), and sees and cancels only its own sign-ups: another
/// partner's are not there (404). Clients travel in the body as first name and the partner's reference.
/// </summary>
public static class PartnerSignupsApi
{
    public static RouteGroupBuilder MapPartnerSignupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/activities/{id:guid}/partner-signups").WithTags("Sign-ups").RequireRoles(WijRoles.Partner).Audited("signup");
        api.MapPost("/", SignUpClients).WithSummary("Sign up several of the partner's clients at once (first name and client reference each), all or none: 409 with the places left when they do not all fit");
        api.MapGet("/", async Task<Results<Ok<Page<PartnerSignup>>, ProblemHttpResult>> (Guid id, [AsParameters] PageRequest page, PartnerScope scope, SignupStore signups, CancellationToken ct) =>
                scope.Organisation is not { } partner ? Problems.Forbidden(PartnerRefusals.NoOrganisation)
                : TypedResults.Ok(await signups.ListOfPartnerAsync(id, partner, page, ct)))
            .WithSummary("The partner's own sign-ups for the activity, in the order they came in");
        api.MapGet("/{signupId:guid}", async Task<Results<Ok<PartnerSignup>, ProblemHttpResult>> (Guid id, Guid signupId, PartnerScope scope, SignupStore signups, CancellationToken ct) =>
                await signups.FindAsync(id, signupId, ct) is { } signup && scope.Covers(signup.PartnerOrg) ? TypedResults.Ok(PartnerSignup.Of(signup)) : Problems.NotFound("sign-up", signupId))
            .WithSummary("One of the partner's own sign-ups, with its status");
        api.MapPost("/{signupId:guid}/cancel", CancelClient).WithSummary("Cancel one of the partner's own sign-ups; the first in line on the waiting list moves up");
        return api;
    }

    public static async Task<Results<Created<IReadOnlyList<PartnerSignup>>, ValidationProblem, ProblemHttpResult>> SignUpClients(
        Guid id, PartnerSignupRequest request, PartnerScope scope, UnitOfWorkFactory unitOfWork, SignupDesk desk, CancellationToken ct)
    {
        if (scope.Organisation is not { } partner)
        {
            return Problems.Forbidden(PartnerRefusals.NoOrganisation);
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        var outcome = await desk.SignUpClientsAsync(work, id, partner, request.OccurrenceDate, request.Clients, ct);
        if (outcome.Value is { })
        {
            await work.CommitAsync(ct);
        }
        return outcome.Answer(created => TypedResults.Created($"/api/calendar/activities/{id}/partner-signups", (IReadOnlyList<PartnerSignup>)[.. created.Select(PartnerSignup.Of)]));
    }

    public static async Task<Results<Ok<PartnerSignup>, ProblemHttpResult>> CancelClient(
        Guid id, Guid signupId, PartnerScope scope, UnitOfWorkFactory unitOfWork, ActivityStore store, SignupStore signups, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        // Another partner's sign-up does not exist as far as this partner can tell.
        if (await store.LockAsync(work, id, ct) is not { } activity || await SignupStore.FindAsync(work, id, signupId, ct) is not { } own || !scope.Covers(own.PartnerOrg)
            || await signups.CancelAsync(work, activity, signupId, ct) is not { } cancelled)
        {
            return Problems.NotFound("sign-up", signupId);
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(PartnerSignup.Of(cancelled));
    }
}

public sealed record PartnerSignupRequest(
    [property: Required, MinLength(1), MaxLength(50)] IReadOnlyList<PartnerClient> Clients,
    DateOnly? OccurrenceDate = null);
