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
        api.MapPost("/", async Task<Created<CreatedApiKey>> (CreateApiKey request, Caller caller, ApiKeyStore keys, CancellationToken ct) =>
        {
            var (key, info) = await keys.CreateAsync(request.PartnerOrg.Trim(), request.Role, request.Description, caller.Display, ct);
            return TypedResults.Created($"/api/gateway/api-keys/{info.Id}", new CreatedApiKey(key.ToString(), info));
        }).WithSummary("Issue an API key for a partner organisation and role; the key is shown only now");
        api.MapGet("/", async ([AsParameters] PageRequest page, ApiKeyStore keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(page, ct)))
            .WithSummary("Issued keys, without their secrets");
        api.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ApiKeyStore keys, CancellationToken ct) =>
            await keys.RevokeAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound("API key", id, new Text("gateway.there-no-active-api", id)))
            .WithSummary("Revoke a key: it stops working at once");
        return api;
    }
}
