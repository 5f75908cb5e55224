using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// A municipality's identity provider as the platform sees it: an OpenID Connect discovery document
/// and the JWKS it names, on a port of the test's own, with signing keys the test rotates.
/// </summary>
internal sealed class LocalOpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile RsaSecurityKey[] _published = [];
    private int _keyFetches;

    private LocalOpenIdProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>How often the JWKS was fetched (by anyone).</summary>
    public int KeyFetches => Volatile.Read(ref _keyFetches);

    public static async Task<LocalOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new LocalOpenIdProvider(builder.Build());
        var app = provider._app;
        // A Keycloak realm's layout.
        app.MapGet("/realms/wijk/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["jwks_uri"] = $"{provider.Authority}/protocol/openid-connect/certs",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/realms/wijk/protocol/openid-connect/certs", () =>
        {
            Interlocked.Increment(ref provider._keyFetches);
            return Results.Json(new { keys = provider._published.Select(Jwk).ToArray() });
        });
        await app.StartAsync();
        provider.Authority = $"{app.Urls.Single().TrimEnd('/')}/realms/wijk";
        return provider;
    }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>From now on the JWKS holds exactly these keys (a rotation drops the old one).</summary>
    public void Publish(params RsaSecurityKey[] keys) => _published = keys;

    /// <summary>A token as the provider issues it for a user of <paramref name="role"/>, signed with <paramref name="key"/>.</summary>
    public string Token(RsaSecurityKey key, string role, string? issuer = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = Hosting.DevelopmentIdentity.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", $"kc-{role}"), new Claim("role", role), new Claim("name", "Medewerker gemeente")]),
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    private static Dictionary<string, string> Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
