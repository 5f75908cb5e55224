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
}

public sealed class TrustedIssuer
{
    /// <summary>The <c>iss</c> value of its tokens.</summary>
    public string Name { get; set; } = "";

    /// <summary>A shared HMAC-SHA256 key, base64 (at least 32 bytes).</summary>
    public string? SigningKey { get; set; }

    /// <summary>An RSA or EC public key in PEM, for identity providers that sign asymmetrically.</summary>
    public string? PublicKeyPem { get; set; }
}
