using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>401 and 403 as problem details that tell the caller what to fix, without revealing more.</summary>
internal static class AuthenticationProblems
{
    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            null => "shared.token-missing",
            SecurityTokenExpiredException => "shared.token-expired",
            SecurityTokenNotYetValidException => "shared.token-not-yet-valid",
            SecurityTokenInvalidIssuerException => "shared.token-issuer",
            SecurityTokenInvalidAudienceException => "shared.token-audience",
            SecurityTokenInvalidAlgorithmException => "shared.token-algorithm",
            _ => "shared.token-invalid",
        };
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, SharedTexts.AuthenticationRequired, detail);
    }

    public static Task WriteForbiddenAsync(ForbiddenContext context) =>
        Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, SharedTexts.NotAllowed, SharedTexts.RoleMayNot);
}
