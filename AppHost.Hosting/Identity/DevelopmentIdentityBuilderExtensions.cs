using Aspire.Hosting.ApplicationModel;
using WijPlatform.Hosting;

namespace Aspire.Hosting;

/// <summary>The development identity provider's two signing keys, as secret Aspire parameters kept in the state folder.</summary>
public sealed record DevelopmentIdentityKeys(IResourceBuilder<ParameterResource> IdentityProviderKey, IResourceBuilder<ParameterResource> GatewayKey);

public static class DevelopmentIdentityBuilderExtensions
{
    public static DevelopmentIdentityKeys AddDevelopmentIdentity(this IDistributedApplicationBuilder builder)
    {
        // The same keys ./wij token signs with, whichever of the two makes them first.
        var identity = DevelopmentIdentity.ForState(builder.StateFolder().Directory);
        return new(
            builder.AddStateSecret(DevelopmentIdentity.IdentityProviderKeyName, () => identity.IdentityProviderKey),
            builder.AddStateSecret(DevelopmentIdentity.GatewayKeyName, () => identity.GatewayKey));
    }

    /// <summary>Trust the identity provider's tokens and the gateway's (section Auth).</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder, DevelopmentIdentityKeys identity) =>
        builder
            .WithEnvironment("Auth__Audience", DevelopmentIdentity.Audience)
            .WithEnvironment("Auth__Issuers__0__Name", DevelopmentIdentity.Issuer)
            .WithEnvironment("Auth__Issuers__0__SigningKey", identity.IdentityProviderKey)
            .WithEnvironment("Auth__Issuers__1__Name", DevelopmentIdentity.GatewayIssuer)
            .WithEnvironment("Auth__Issuers__1__SigningKey", identity.GatewayKey);

    /// <summary>What the gateway needs besides trust: the key for the tokens it issues itself for partner API keys.</summary>
    public static IResourceBuilder<ProjectResource> WithGatewayTokens(this IResourceBuilder<ProjectResource> builder, DevelopmentIdentityKeys identity) =>
        builder
            .WithEnvironment("Gateway__TokenIssuer", DevelopmentIdentity.GatewayIssuer)
            .WithEnvironment("Gateway__TokenSigningKey", identity.GatewayKey);
}
