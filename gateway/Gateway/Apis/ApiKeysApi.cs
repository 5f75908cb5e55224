using System.Text.Json;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WijPlatform.Gateway.Apis;

public sealed record CreateApiKey(
    [property: Required, StringLength(100, MinimumLength = 2)] string PartnerOrg,
    [property: Required, AllowedValues(WijRoles.Partner, WijRoles.Cafe, WijRoles.Coordinator)] string Role,
    [property: StringLength(200)] string? Description);

/// <summary>The key itself is shown once, at creation; afterwards only its hash exists.</summary>
public sealed record CreatedApiKey(string Key, ApiKeyInfo Info);

/// <summary>Administrators issue and revoke partner systems' API keys.</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/gateway/api-keys").WithTags("API keys").RequireRoles(WijRoles.Admin);
        api.MapPost("/", async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> (CreateApiKey request, Caller caller, HttpContext http, ApiKeyStore keys, CancellationToken ct) =>
        {
            if (!TryReadRetryKey(http, out var retryFor, out var invalid))
            {
                return invalid;
            }
            var retry = retryFor is null ? null : new RetryKey(retryFor, IdempotencyKey.HashBody("application/json", JsonSerializer.SerializeToUtf8Bytes(request)));
            var (outcome, key, info) = await keys.CreateAsync(request.PartnerOrg.Trim(), request.Role, request.Description, caller.Display, retry, ct);
            return outcome switch
            {
                IssueOutcome.Issued => TypedResults.Created($"/api/gateway/api-keys/{info.Id}", new CreatedApiKey(key!.ToString(), info)),
                // The secret exists only as a hash, so the first answer cannot be given again: the retry learns which key it made.
                IssueOutcome.IssuedBefore => Problems.Problem(StatusCodes.Status409Conflict, "gateway.api-key-issued-before", new Text("gateway.api-key-issued-before.detail", info.Id),
                    new Dictionary<string, object?> { ["apiKeyId"] = info.Id }),
                _ => Problems.Problem(StatusCodes.Status422UnprocessableEntity, "shared.idempotency-key-reused", "shared.idempotency-key-reused.detail"),
            };
        }).WithSummary("Issue an API key for a partner organisation and role; the key is shown only now. "
            + "With an Idempotency-Key header a retry issues no second key: 409 with the id of the key the first request issued (its secret was shown once), 422 for another request under the same key");
        api.MapGet("/", async ([AsParameters] PageRequest page, ApiKeyStore keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(page, ct)))
            .WithSummary("Issued keys, without their secrets");
        api.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, HttpContext http, ApiKeyStore keys, CancellationToken ct) =>
            !TryReadRetryKey(http, out var retryFor, out var invalid) ? invalid
            : await keys.RevokeAsync(id, retryFor, ct) ? TypedResults.NoContent()
            : Problems.NotFound("API key", id, new Text("gateway.there-no-active-api", id)))
            .WithSummary("Revoke a key: it stops working at once. With an Idempotency-Key header a retry of the same revocation is answered 204 again");
        return api;
    }

    /// <summary>
    /// The caller's Idempotency-Key, scoped to the caller: none without the header; false with a 400
    /// when the header is not a valid key. The gateway forwards the header to the services, which keep
    /// their own store; these two endpoints are the gateway's own writes, so they keep it on the key's row.
    /// </summary>
    private static bool TryReadRetryKey(HttpContext http, out string? retryFor, out ProblemHttpResult invalid)
    {
        retryFor = null;
        invalid = null!;
        if (!http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values))
        {
            return true;
        }
        if (values.Count != 1 || !IdempotencyKey.IsValid(values.ToString()) || http.User.Subject() is not { } caller)
        {
            invalid = Problems.Problem(StatusCodes.Status400BadRequest, "shared.idempotency-key-invalid", new Text("shared.idempotency-key-invalid.detail", IdempotencyKey.MaxLength));
            return false;
        }
        retryFor = $"{caller} {values}";
        return true;
    }
}
