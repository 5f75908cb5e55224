using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.Gateway.Security;

public sealed class GatewayTokenOptions
{
    public string TokenIssuer { get; set; } = "wij-gateway";

    /// <summary>Base64 HMAC key; the services trust it as issuer <see cref="TokenIssuer"/>.</summary>
    public string TokenSigningKey { get; set; } = "";
}

/// <summary>
/// The services accept only tokens, so the gateway exchanges a verified partner API key for a token
/// of its own carrying the key's organisation and role. Revocation takes effect at once because the
/// token never outlives the request it is minted for: the key is looked up (one primary-key read) on
/// every request, a token is minted per forwarded request and lives <see cref="Lifetime"/>, and the
/// gateway does not accept its own tokens from callers (see <see cref="GatewaySecurity"/>). A token
/// captured between the gateway and a service could be replayed to that service for at most its
/// lifetime plus the services' clock tolerance.
/// </summary>
public sealed class PartnerTokens(IOptions<GatewayTokenOptions> options, IOptions<SecurityOptions> security, TimeProvider clock)
{
    /// <summary>Long enough for a request to reach its service, short enough to be useless afterwards.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly Lazy<SigningCredentials> _credentials = new(() =>
        new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(options.Value.TokenSigningKey)), SecurityAlgorithms.HmacSha256));

    public string TokenFor(ClaimsPrincipal partner)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.TokenIssuer,
            Audience = security.Value.Audience,
            Subject = new ClaimsIdentity(partner.Claims.Where(c => c.Type is WijClaims.Subject or WijClaims.Name or WijClaims.Role or WijClaims.PartnerOrganisation)),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = _credentials.Value,
        });
    }
}
