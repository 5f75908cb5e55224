using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>401 and 403 as problem details that tell the caller what to fix, without revealing more.</summary>
internal static class AuthenticationProblems
{
    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            null => "Send a bearer token in the Authorization header.",
            SecurityTokenExpiredException => "The token has expired.",
            SecurityTokenNotYetValidException => "The token is not valid yet.",
            SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
            SecurityTokenInvalidAudienceException => "The token is not meant for this platform.",
            SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
            _ => "The token is not valid.",
        };
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required.", detail);
    }

    public static Task WriteForbiddenAsync(ForbiddenContext context) =>
        Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed.", "Your role may not do this.");
}
