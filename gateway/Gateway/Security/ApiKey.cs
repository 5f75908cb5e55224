using System.Security.Cryptography;
using System.Text;

namespace WijPlatform.Gateway.Security;

/// <summary>
/// A partner's key reads <c>wij_&lt;id&gt;_&lt;secret&gt;</c>: the id finds the row, the secret is
/// compared by its hash. 32 random bytes need no slow hash: they cannot be guessed from the hash.
/// </summary>
public sealed record ApiKey(Guid Id, string Secret)
{
    private const string Prefix = "wij_";

    public override string ToString() => $"{Prefix}{Id:N}_{Secret}";

    public static ApiKey New() =>
        new(Guid.NewGuid(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    public static bool TryParse(string? text, out ApiKey key)
    {
        key = new(Guid.Empty, "");
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = text[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id) || parts[1].Length < 20)
        {
            return false;
        }
        key = new(id, parts[1]);
        return true;
    }

    public byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Secret));

    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(), storedHash);
}
