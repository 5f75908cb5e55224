using System.Collections.Concurrent;
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
/// The services accept only tokens, so the gateway exchanges a verified partner API key for a
/// short-lived token of its own carrying the key's organisation and role.
/// </summary>
public sealed class PartnerTokens(IOptions<GatewayTokenOptions> options, IOptions<SecurityOptions> security, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Token, DateTime RenewAfter)> _issued = new();
    private readonly JsonWebTokenHandler _handler = new();

    public string TokenFor(ClaimsPrincipal partner)
    {
        var subject = partner.Subject() ?? throw new InvalidOperationException("A partner without a subject.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (_issued.TryGetValue(subject, out var cached) && cached.RenewAfter > now)
        {
            return cached.Token;
        }
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.TokenIssuer,
            Audience = security.Value.Audience,
            Subject = new ClaimsIdentity(partner.Claims.Where(c => c.Type is WijClaims.Subject or WijClaims.Name or WijClaims.Role or WijClaims.PartnerOrganisation)),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(options.Value.TokenSigningKey)), SecurityAlgorithms.HmacSha256),
        });
        _issued[subject] = (token, now + Lifetime / 2);
        return token;
    }
}
