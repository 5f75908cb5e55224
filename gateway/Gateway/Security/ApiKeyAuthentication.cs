using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace WijPlatform.Gateway.Security;

/// <summary>Partner systems authenticate with the <c>X-Api-Key</c> header instead of a user's token.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKey.TryParse(values.ToString(), out var key) || await keys.VerifyAsync(key, Context.RequestAborted) is not { } found)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(WijClaims.Subject, $"apikey:{key.Id:N}"),
                new Claim(WijClaims.Name, found.PartnerOrg),
                new Claim(WijClaims.Role, found.Role),
                new Claim(WijClaims.PartnerOrganisation, found.PartnerOrg),
            ],
            SchemeName, WijClaims.Name, WijClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, SharedTexts.AuthenticationRequired, "gateway.api-key-not-valid");
}
