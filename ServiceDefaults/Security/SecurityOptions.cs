namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Which token issuers this service trusts (section <c>Auth</c>): the municipality's identity
/// provider and the gateway, which exchanges partner API keys for short-lived tokens.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Auth";

    public string Audience { get; set; } = "wijplatform";

    public List<TrustedIssuer> Issuers { get; set; } = [];

    /// <summary>At most 30 seconds: clocks of the municipality's servers drift a little, tokens should not live longer.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An authority's keys are fetched again after this, to drop keys it no longer publishes.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A token naming a key id we do not hold makes us fetch the authority's keys again (it rotated),
    /// but not sooner than this after the last fetch: made-up key ids cannot make us hammer it.
    /// </summary>
    public TimeSpan MinimumKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class TrustedIssuer
{
    /// <summary>The <c>iss</c> value of its tokens (for an authority: its address, unless given).</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// An OpenID Connect authority (Keycloak realm, Entra ID tenant): its keys come from
    /// <c>{Authority}/.well-known/openid-configuration</c> and the JWKS it names, and follow its rotations.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>False only for a development authority on plain http; production authorities use https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A shared HMAC-SHA256 key, base64 (at least 32 bytes).</summary>
    public string? SigningKey { get; set; }

    /// <summary>An RSA or EC public key in PEM, for identity providers that sign asymmetrically.</summary>
    public string? PublicKeyPem { get; set; }
}
