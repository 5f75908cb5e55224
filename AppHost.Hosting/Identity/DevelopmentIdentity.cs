using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WijPlatform.Hosting.StateFolder;

namespace WijPlatform.Hosting;

/// <summary>
/// Stands in for the municipality's identity provider on a developer's machine: two signing keys
/// kept with the state folder's secrets (the identity provider's, and the gateway's for the tokens
/// it issues for partner API keys), and tokens for each role (<c>./wij token &lt;role&gt;</c>).
/// Production configures a real issuer instead.
/// </summary>
public sealed class DevelopmentIdentity
{
    public const string Issuer = "https://identity.wij.localhost";
    public const string GatewayIssuer = "wij-gateway";
    public const string Audience = "wijplatform";
    public const string IdentityProviderKeyName = "identity-provider-key";
    public const string GatewayKeyName = "gateway-token-key";

    private readonly StateSecrets _secrets;
    private readonly string _stateDirectory;

    private DevelopmentIdentity(string stateDirectory)
    {
        _stateDirectory = stateDirectory;
        _secrets = new StateSecrets(stateDirectory);
    }

    public string IdentityProviderKey => _secrets.GetOrCreate(IdentityProviderKeyName, () => LegacyKey("identityProvider"));

    /// <summary>The gateway signs the short-lived tokens it issues for partner API keys with this.</summary>
    public string GatewayKey => _secrets.GetOrCreate(GatewayKeyName, () => LegacyKey("gateway"));

    /// <summary>The keys of this state folder, made on first use.</summary>
    public static DevelopmentIdentity ForState(string stateDirectory) => new(stateDirectory);

    /// <summary>A token as the identity provider would issue it for a user with <paramref name="role"/>.</summary>
    public string CreateToken(string role, IReadOnlyDictionary<string, string>? claims = null, TimeSpan? lifetime = null, string? subject = null) =>
        CreateToken(Issuer, IdentityProviderKey, Audience, role, claims, lifetime ?? TimeSpan.FromHours(8), subject);

    public static string CreateToken(string issuer, string base64Key, string audience, string role, IReadOnlyDictionary<string, string>? claims, TimeSpan lifetime, string? subject = null, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        claims ??= new Dictionary<string, string>();
        var identity = new ClaimsIdentity([new Claim("sub", subject ?? $"dev-{role}"), new Claim("role", role)]);
        if (!claims.ContainsKey("name"))
        {
            identity.AddClaim(new Claim("name", $"Dev {role}"));
        }
        foreach (var (type, value) in claims)
        {
            identity.AddClaim(new Claim(type, value));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = identity,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A state folder from before the secrets file kept the keys in identity/keys.json.</summary>
    private string LegacyKey(string name)
    {
        var file = Path.Combine(_stateDirectory, "identity", "keys.json");
        return File.Exists(file) && JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) is { } keys && keys.TryGetValue(name, out var key)
            ? key
            : StateSecrets.NewKey();
    }
}
