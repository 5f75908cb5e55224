namespace WijPlatform.Notices.Apis;

/// <summary>
/// A partner registers where its system wants to hear of its signals' status changes; an administrator
/// approves the callback; the administrator sees every delivery with its last attempts.
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices/webhooks").WithTags("Partner webhooks").WithoutResidentData();
        api.MapPost("/", Register).RequireRoles(WijRoles.Partner)
            .WithSummary("A partner registers its https callback; the signing secret is in this answer only. It is used once an administrator approves it");
        api.MapGet("/", async ([AsParameters] PageRequest page, [AllowedValues(null, "pending", "approved", "replaced")] string? status, WebhookStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAsync(status, page, ct)))
            .RequireRoles(WijRoles.Admin).WithSummary("Registered callbacks (never their secrets), newest first; ?status=pending for those to approve");
        api.MapPost("/{id:guid}/approve", Approve).RequireRoles(WijRoles.Admin).WithSummary("An administrator approves a pending callback, after checking its host again");
        api.MapGet("/deliveries", async ([AsParameters] PageRequest page, string? partner, bool? delivered, WebhookStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.DeliveriesAsync(partner, delivered, page, ct)))
            .RequireRoles(WijRoles.Admin).WithSummary("Status changes passed (or still to pass) to partners: attempts, last status code and time, next try");
        api.MapGet("/deliveries/{id:guid}/attempts", async ([AsParameters] PageRequest page, Guid id, WebhookStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.AttemptsAsync(id, page, ct)))
            .RequireRoles(WijRoles.Admin).WithSummary("Every attempt of one delivery: when, which callback, the status code or the error");
        return api;
    }

    public static async Task<Results<Created<RegisteredWebhook>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterWebhook request, PartnerScope scope, Caller caller, WebhookTargets targets, WebhookStore store, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        // A partner registers for itself; staff have no organisation to register for.
        if (scope.Organisation is not { } partner)
        {
            return Problems.Forbidden("notices.only-partner-organisation-s");
        }
        if (await targets.RefusalAsync(request.Url.Trim(), ct) is { } refusal)
        {
            return Problems.Invalid("url", refusal);
        }
        var secret = WebhookSignature.NewSecret();
        await using var work = await unitOfWork.BeginAsync(ct);
        var webhook = await store.RegisterAsync(work, partner, request.Url.Trim(), secret, caller.Display, clock.GetUtcNow().UtcDateTime, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/notices/webhooks/{webhook.Id}", new RegisteredWebhook(webhook, secret));
    }

    public static async Task<Results<Ok<PartnerWebhook>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, Caller caller, WebhookTargets targets, WebhookStore store, UnitOfWorkFactory unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } webhook)
        {
            return Problems.NotFound("webhook", id);
        }
        // The host's addresses may have changed since registration.
        if (await targets.RefusalAsync(webhook.Url, ct) is { } refusal)
        {
            return Problems.Invalid("url", refusal);
        }
        await using var work = await unitOfWork.BeginAsync(ct);
        if (await store.ApproveAsync(work, id, caller.Display, clock.GetUtcNow().UtcDateTime, ct) is not ({ } decided, var approved))
        {
            return Problems.NotFound("webhook", id);
        }
        if (!approved)
        {
            return Problems.Conflict("notices.not-pending", new Text("notices.callback-only-pending-callback", decided.Status));
        }
        await work.CommitAsync(ct);
        return TypedResults.Ok(decided);
    }
}

public sealed record RegisterWebhook([property: Required, StringLength(2000, MinimumLength = 1)] string Url);
