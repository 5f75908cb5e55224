using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// NEN 7513 logs attempts too: a call to an audited endpoint that authorization refuses (401 without
/// a valid token, 403 for a role that may not) never reaches the endpoint's audit filter, so the
/// refusal is written here, before the problem is answered. Refusals for a record (another team's
/// case) are answered by the endpoint and audited by its filter.
/// </summary>
internal sealed class AuditedAuthorizationResults(AuditTrail trail) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if ((authorizeResult.Challenged || authorizeResult.Forbidden) && context.GetEndpoint()?.Metadata.GetMetadata<AuditedRecord>() is { } audited)
        {
            var outcome = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            var entry = AuditConventions.Entry(context, audited.RecordType) with { Outcome = outcome.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            await trail.WriteAsync(entry, context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
