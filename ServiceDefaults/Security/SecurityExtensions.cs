using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
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
        // Bad issuer configuration stops the service at start, not at its first request.
        _ = new IssuerKeys(options, NullLoggerFactory.Instance, TimeProvider.System);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new IssuerKeys(options, services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<TimeProvider>()));

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IssuerKeys>((jwt, keys) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = keys.Issuers,
                    ValidAudience = options.Audience,
                    ClockSkew = options.ClockSkew > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : options.ClockSkew,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                    // A key only vouches for its own issuer: the gateway's key cannot mint an identity provider's token.
                    IssuerSigningKeyResolver = (_, token, kid, _) => keys.For(token.Issuer, kid),
                    NameClaimType = WijClaims.Name,
                    RoleClaimType = WijClaims.Role,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = AuthenticationProblems.WriteChallengeAsync,
                    OnForbidden = AuthenticationProblems.WriteForbiddenAsync,
                };
                if (keys.Discovers)
                {
                    jwt.Events.OnMessageReceived = context => PrepareKeysAsync(context, keys);
                }
            });

        // An endpoint that forgot to say who may call it is for administrators only, never open.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(WijRoles.Admin).Build());

        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<AuditOptions>(builder.Configuration.GetSection(AuditOptions.Section));
        builder.Services.AddSingleton<AuditSigner>();
        builder.Services.AddSingleton<AuditAnchors>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();

        // The server's name and version help nobody but an attacker.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        builder.Services.ConfigureAll<OpenApiOptions>(openApi =>
        {
            openApi.AddDocumentTransformer<BearerSecurityScheme>();
            openApi.AddDocumentTransformer<WijPlatform.ServiceDefaults.Http.PublicServers>();
            openApi.AddOperationTransformer<RolesInOpenApi>();
        });
        return builder;
    }

    /// <summary>
    /// Validation itself cannot wait, so the keys of a discovered issuer are brought up to date first:
    /// fetched on first use and again when the token names a key id the authority has rotated in.
    /// </summary>
    private static async Task PrepareKeysAsync(MessageReceivedContext context, IssuerKeys keys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var token = header["Bearer ".Length..].Trim();
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return;
        }
        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return;
        }
        await keys.PrepareAsync(unverified.Issuer, unverified.Kid, context.HttpContext.RequestAborted);
    }

    public static WebApplication UseWijAuthentication(this WebApplication app, Action<WebApplication>? afterAuthentication = null)
    {
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        return app;
    }
}
