using System.Net;
using System.Net.Sockets;

namespace WijPlatform.Notices.Webhooks;

/// <summary>
/// Where a partner's callback may point: https, an allow-listed host, and only public addresses, every
/// one the host resolves to. Checked at registration and again on each connection (see
/// <see cref="WebhookClient"/>), so a DNS answer that changes afterwards cannot reach inside.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    /// <summary>Why the URL is refused, in words from notices' catalogue; null when it may be used.</summary>
    public async Task<Text?> RefusalAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "notices.webhook.url-form";
        }
        var loopbackAllowed = options.Value.AllowLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(loopbackAllowed && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return "notices.webhook.https-only";
        }
        if (!options.Value.AllowedHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase))
        {
            return new Text("notices.webhook.host-not-allowed", uri.IdnHost);
        }
        try
        {
            return AddressRefusal(await ResolveAsync(uri.IdnHost, ct));
        }
        catch (SocketException)
        {
            return new Text("notices.webhook.host-unresolved", uri.IdnHost);
        }
    }

    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    /// <summary>
    /// Why these addresses may not be called; null when every one is public (or loopback where allowed).
    /// It names the kind of address, never the address or the host, since it is also what a refused
    /// connection records as its attempt's error.
    /// </summary>
    public Text? AddressRefusal(IReadOnlyCollection<IPAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            return "notices.webhook.no-address";
        }
        return addresses.FirstOrDefault(a => !Allowed(a)) is { } refused
            ? new Text("notices.webhook.address-refused", Describe(refused))
            : null;
    }

    private bool Allowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return options.Value.AllowLoopback;
        }
        return IsPublic(address);
    }

    /// <summary>Not loopback, private, link-local, shared (CGNAT), unique-local, multicast, unspecified or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xfe) == 0xfc
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8)
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b));
    }

    private static Text Describe(IPAddress address) =>
        IPAddress.IsLoopback(address) ? "notices.webhook.loopback-address"
            : address.IsIPv6LinkLocal || address.ToString().StartsWith("169.254.", StringComparison.Ordinal) ? "notices.webhook.link-local-address"
            : "notices.webhook.private-address";
}
