using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using WijPlatform.ServiceDefaults.Security;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every service checks the caller's token itself, not only the gateway (defence in depth): a
/// request that reaches a service around the gateway without a valid token is refused.
/// </summary>
public static class SecurityExtensions
{
    public static IHostApplicationBuilder AddWijAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        var keys = SigningKeys.ByIssuer(options);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = keys.Keys,
                    ValidAudience = options.Audience,
                    ClockSkew = options.ClockSkew > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : options.ClockSkew,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                    // A key only vouches for its own issuer: the gateway's key cannot mint an identity provider's token.
                    IssuerSigningKeyResolver = (_, token, _, _) => keys.TryGetValue(token.Issuer, out var key) ? [key] : [],
                    NameClaimType = WijClaims.Name,
                    RoleClaimType = WijClaims.Role,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = AuthenticationProblems.WriteChallengeAsync,
                    OnForbidden = AuthenticationProblems.WriteForbiddenAsync,
                };
            });

        // An endpoint that forgot to say who may call it is for administrators only, never open.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(WijRoles.Admin).Build());

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();

        // The server's name and version help nobody but an attacker.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        builder.Services.ConfigureAll<OpenApiOptions>(openApi =>
        {
            openApi.AddDocumentTransformer<BearerSecurityScheme>();
            openApi.AddOperationTransformer<RolesInOpenApi>();
        });
        return builder;
    }

    public static WebApplication UseWijAuthentication(this WebApplication app, Action<WebApplication>? afterAuthentication = null)
    {
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        return app;
    }
}

internal static class SigningKeys
{
    public static Dictionary<string, SecurityKey> ByIssuer(SecurityOptions options)
    {
        if (options.Issuers.Count == 0)
        {
            throw new InvalidOperationException("No token issuer is configured: set Auth__Issuers__0__Name and Auth__Issuers__0__SigningKey or __PublicKeyPem.");
        }
        return options.Issuers.ToDictionary(i => i.Name, Key, StringComparer.Ordinal);
    }

    private static SecurityKey Key(TrustedIssuer issuer)
    {
        if (!string.IsNullOrWhiteSpace(issuer.SigningKey))
        {
            var bytes = Convert.FromBase64String(issuer.SigningKey);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException($"The signing key of issuer '{issuer.Name}' is shorter than 32 bytes.");
            }
            return new SymmetricSecurityKey(bytes);
        }
        if (!string.IsNullOrWhiteSpace(issuer.PublicKeyPem))
        {
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(issuer.PublicKeyPem);
                return new RsaSecurityKey(rsa);
            }
            catch (ArgumentException)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(issuer.PublicKeyPem);
                return new ECDsaSecurityKey(ec);
            }
        }
        throw new InvalidOperationException($"Issuer '{issuer.Name}' has neither SigningKey nor PublicKeyPem.");
    }
}
