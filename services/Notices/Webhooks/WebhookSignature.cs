using System.Security.Cryptography;
using System.Text;

namespace WijPlatform.Notices.Webhooks;

/// <summary>
/// HMAC-SHA256 with the partner's secret over "timestamp.body": the receiver recomputes it, compares in
/// constant time and drops a timestamp older than a few minutes (a replay).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Wij-Webhook-Id";
    public const string TimestampHeader = "Wij-Webhook-Timestamp";
    public const string SignatureHeader = "Wij-Webhook-Signature";

    public static string Sign(string secret, long timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static string NewSecret() => "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
