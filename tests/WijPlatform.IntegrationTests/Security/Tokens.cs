using System.Text;

namespace WijPlatform.IntegrationTests.Security;

internal static class Tokens
{
    /// <summary>A token that says it needs no signature ("alg": "none"), the classic forgery.</summary>
    public static string Unsigned(string role)
    {
        static string Part(object value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{Part(new { alg = "none", typ = "JWT" })}.{Part(new { iss = Hosting.DevelopmentIdentity.Issuer, aud = Hosting.DevelopmentIdentity.Audience, sub = "forger", role, iat = now, nbf = now, exp = now + 3600 })}.";
    }
}
