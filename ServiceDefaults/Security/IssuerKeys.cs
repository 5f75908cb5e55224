using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// The keys each trusted issuer signs with: a fixed key from configuration, or the keys an OpenID
/// Connect authority publishes (discovery document → JWKS), as the municipality's Keycloak or Entra ID
/// does. A key only vouches for its own issuer.
/// </summary>
public sealed class IssuerKeys
{
    private readonly Dictionary<string, SecurityKey[]> _fixed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiscoveredKeys> _discovered = new(StringComparer.Ordinal);

    public IssuerKeys(SecurityOptions options, ILoggerFactory loggerFactory, TimeProvider clock)
    {
        if (options.Issuers.Count == 0)
        {
            throw new InvalidOperationException("No token issuer is configured: set Auth__Issuers__0__Name and Auth__Issuers__0__SigningKey, __PublicKeyPem or __Authority.");
        }
        foreach (var issuer in options.Issuers)
        {
            if (!string.IsNullOrWhiteSpace(issuer.Authority))
            {
                var source = new DiscoveredKeys(issuer, options, clock, loggerFactory.CreateLogger<DiscoveredKeys>());
                _discovered.Add(source.Issuer, source);
            }
            else
            {
                _fixed.Add(issuer.Name, [FixedKey(issuer)]);
            }
        }
    }

    public IReadOnlyList<string> Issuers => [.. _fixed.Keys, .. _discovered.Keys];

    /// <summary>Whether any issuer's keys come from an authority (only then is a token looked at before validation).</summary>
    public bool Discovers => _discovered.Count > 0;

    /// <summary>The keys that may have signed a token of <paramref name="issuer"/> with key id <paramref name="kid"/>.</summary>
    public IEnumerable<SecurityKey> For(string issuer, string? kid) =>
        _fixed.TryGetValue(issuer, out var keys) ? keys
        : _discovered.TryGetValue(issuer, out var source) ? source.For(kid)
        : [];

    /// <summary>
    /// Before a token of a discovered issuer is validated: fetches its keys the first time, when they are
    /// old, or when the token names a key id they lack (the authority rotated), at most once per
    /// <c>Auth:MinimumKeyRefreshInterval</c>, so that made-up key ids cannot make us hammer the authority.
    /// </summary>
    public Task PrepareAsync(string issuer, string? kid, CancellationToken ct) =>
        _discovered.TryGetValue(issuer, out var source) ? source.RefreshIfNeededAsync(kid, ct) : Task.CompletedTask;

    private static SecurityKey FixedKey(TrustedIssuer issuer)
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
        throw new InvalidOperationException($"Issuer '{issuer.Name}' has neither SigningKey, PublicKeyPem nor Authority.");
    }
}

/// <summary>The signing keys an OpenID Connect authority publishes, refreshed as it rotates them.</summary>
internal sealed partial class DiscoveredKeys
{
    // The authority answers within seconds or not at all; a request waits for it only on a key change.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Uri _discovery;
    private readonly bool _requireHttps;
    private readonly TimeSpan _minimumInterval;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile SecurityKey[] _keys = [];
    private DateTimeOffset? _fetched;

    public DiscoveredKeys(TrustedIssuer issuer, SecurityOptions options, TimeProvider clock, ILogger logger)
    {
        var authority = issuer.Authority!.TrimEnd('/');
        Issuer = string.IsNullOrWhiteSpace(issuer.Name) ? authority : issuer.Name;
        _requireHttps = issuer.RequireHttpsMetadata;
        if (!Uri.TryCreate(authority + "/.well-known/openid-configuration", UriKind.Absolute, out var discovery) || !Allowed(discovery))
        {
            throw new InvalidOperationException(
                $"The authority of issuer '{Issuer}' must be an absolute https URL (http only with Auth__Issuers__N__RequireHttpsMetadata=false, for a development authority).");
        }
        _discovery = discovery;
        _minimumInterval = options.MinimumKeyRefreshInterval;
        _refreshInterval = options.KeyRefreshInterval;
        _clock = clock;
        _logger = logger;
    }

    public string Issuer { get; }

    public IEnumerable<SecurityKey> For(string? kid)
    {
        var keys = _keys;
        if (string.IsNullOrEmpty(kid))
        {
            return keys;
        }
        var named = keys.Where(k => k.KeyId == kid).ToArray();
        return named.Length > 0 ? named : keys.Where(k => string.IsNullOrEmpty(k.KeyId));
    }

    public async Task RefreshIfNeededAsync(string? kid, CancellationToken ct)
    {
        if (!Due(kid))
        {
            return;
        }
        await _refresh.WaitAsync(ct);
        try
        {
            // Another request may have fetched them while this one waited.
            if (!Due(kid))
            {
                return;
            }
            _fetched = _clock.GetUtcNow();
            // Not the request's token: one caller giving up must not cancel the refresh the others wait for.
            _keys = await FetchAsync(CancellationToken.None);
            LogRefreshed(_logger, Issuer, _keys.Length);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The keys we had stay; the next attempt comes after the minimum interval.
            LogRefreshFailed(_logger, Issuer, ex.GetType().Name, ex is InvalidDataException ? ex.Message : "");
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool Due(string? kid)
    {
        if (_fetched is not { } fetched)
        {
            return true;
        }
        var age = _clock.GetUtcNow() - fetched;
        var unknown = !string.IsNullOrEmpty(kid) && !_keys.Any(k => k.KeyId == kid);
        return age >= _refreshInterval || (unknown && age >= _minimumInterval);
    }

    private async Task<SecurityKey[]> FetchAsync(CancellationToken ct)
    {
        var configuration = OpenIdConnectConfiguration.Create(await Http.GetStringAsync(_discovery, ct));
        if (configuration.Issuer != Issuer)
        {
            throw new InvalidDataException($"the authority says its issuer is '{configuration.Issuer}'");
        }
        if (!Uri.TryCreate(configuration.JwksUri, UriKind.Absolute, out var jwks) || !Allowed(jwks))
        {
            throw new InvalidDataException("the authority names no usable jwks_uri");
        }
        return [.. new JsonWebKeySet(await Http.GetStringAsync(jwks, ct)).GetSigningKeys()];
    }

    private bool Allowed(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || (!_requireHttps && uri.Scheme == Uri.UriSchemeHttp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing keys of {Issuer} fetched: {Count}")]
    private static partial void LogRefreshed(ILogger logger, string issuer, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the signing keys of {Issuer} failed ({Reason}) {Detail}; the keys held so far stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, string issuer, string reason, string detail);
}
