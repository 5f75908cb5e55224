using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WijPlatform.Hosting;

/// <summary>
/// Stands in for the municipality's identity provider on a developer's machine: a signing key kept
/// in the state folder, the configuration that makes the gateway and the services trust it, and
/// tokens for each role (<c>./wij token &lt;role&gt;</c>). Production configures a real issuer instead.
/// </summary>
public sealed class DevelopmentIdentity
{
    public const string Issuer = "https://identity.wij.localhost";
    public const string GatewayIssuer = "wij-gateway";
    public const string Audience = "wijplatform";

    private readonly Lazy<Dictionary<string, string>> _keys;

    // Read on first use, after a --fresh start has emptied the state folder.
    private DevelopmentIdentity(string stateDirectory) => _keys = new(() => LoadOrCreate(FileIn(stateDirectory)));

    public string IdentityProviderKey => _keys.Value["identityProvider"];

    /// <summary>The gateway signs the short-lived tokens it issues for partner API keys with this.</summary>
    public string GatewayKey => _keys.Value["gateway"];

    public static string FileIn(string stateDirectory) => Path.Combine(stateDirectory, "identity", "keys.json");

    /// <summary>The keys of this state folder, made on first use.</summary>
    public static DevelopmentIdentity ForState(string stateDirectory) => new(stateDirectory);

    /// <summary>What every service needs to trust both issuers (section Auth).</summary>
    public IReadOnlyDictionary<string, Func<string>> TrustEnvironment() => new Dictionary<string, Func<string>>
    {
        ["Auth__Audience"] = () => Audience,
        ["Auth__Issuers__0__Name"] = () => Issuer,
        ["Auth__Issuers__0__SigningKey"] = () => IdentityProviderKey,
        ["Auth__Issuers__1__Name"] = () => GatewayIssuer,
        ["Auth__Issuers__1__SigningKey"] = () => GatewayKey,
    };

    /// <summary>
    /// The key each service signs its audit lines and the anchors of its audit chain with: kept here,
    /// outside the databases, as production keeps it in its secret store.
    /// </summary>
    public IReadOnlyDictionary<string, Func<string>> AuditEnvironment() => new Dictionary<string, Func<string>>
    {
        ["Audit__SigningKey"] = () => _keys.Value["audit"],
    };

    /// <summary>What the gateway needs besides trust: the key for the tokens it issues itself.</summary>
    public IReadOnlyDictionary<string, Func<string>> GatewayEnvironment() => new Dictionary<string, Func<string>>
    {
        ["Gateway__TokenIssuer"] = () => GatewayIssuer,
        ["Gateway__TokenSigningKey"] = () => GatewayKey,
    };

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

    private static Dictionary<string, string> LoadOrCreate(string file)
    {
        var keys = File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))! : [];
        // A state folder from before a key existed gets it added.
        var missing = new[] { "identityProvider", "gateway", "audit" }.Where(name => !keys.ContainsKey(name)).ToList();
        if (missing.Count == 0)
        {
            return keys;
        }
        missing.ForEach(name => keys[name] = NewKey());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return keys;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
