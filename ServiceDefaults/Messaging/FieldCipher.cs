using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Encrypts the personal fields of message bodies (AES-256-GCM, a fresh 96-bit nonce each time, the
/// field's name as associated data so that a value cannot be moved to another field). A sealed value
/// is <c>wij:enc:v1:{keyId}:{base64(nonce | ciphertext | tag)}</c>: the key id lets several keys be held
/// at once, so the key can be rotated (new key in, made current, the old one kept until nothing
/// sealed with it can still be in an outbox, a queue or an error queue, then dropped). A value without
/// the prefix is read as it is: messages written before field encryption, or by hand.
/// </summary>
public sealed partial class FieldCipher
{
    public const string Prefix = "wij:enc:v1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentId;

    public FieldCipher(IReadOnlyDictionary<string, byte[]> keys, string currentId)
    {
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                "No key for the personal fields of messages is configured: set Messaging__FieldKeys__<id>=<base64 of 32 random bytes>, the same on every service.");
        }
        foreach (var (id, key) in keys)
        {
            if (!KeyId().IsMatch(id))
            {
                throw new InvalidOperationException($"The message field key id '{id}' may only hold letters, digits, '-' and '_' (at most 32).");
            }
            if (key.Length != 32)
            {
                throw new InvalidOperationException($"The message field key '{id}' is {key.Length} bytes long; it must be 32 (AES-256).");
            }
        }
        if (!keys.ContainsKey(currentId))
        {
            throw new InvalidOperationException($"Messaging:FieldKeyId names '{currentId}', which is not among Messaging:FieldKeys.");
        }
        _keys = keys.ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        _currentId = currentId;
    }

    /// <summary>From configuration: Messaging:FieldKeys:{id} (base64) and Messaging:FieldKeyId (needed only when there are several).</summary>
    public static FieldCipher FromOptions(MessagingOptions options)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, value) in options.FieldKeys)
        {
            try
            {
                keys[id] = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"The message field key '{id}' is not base64.");
            }
        }
        var current = options.FieldKeyId ?? (keys.Count == 1 ? keys.Keys.Single() : null)
            ?? throw new InvalidOperationException("Several message field keys are configured: set Messaging__FieldKeyId to the one to encrypt with.");
        return new FieldCipher(keys, current);
    }

    public string CurrentKeyId => _currentId;

    public static bool IsSealed(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(string plaintext, string field)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentId], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(field));
        return $"{Prefix}{_currentId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The plain text of a sealed value; a value that is not sealed comes back as it is.</summary>
    public string Open(string value, string field)
    {
        if (!IsSealed(value))
        {
            return value;
        }
        var rest = value.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
        {
            throw new CryptographicException($"The sealed value of field '{field}' has no key id.");
        }
        var id = rest[..colon].ToString();
        if (!_keys.TryGetValue(id, out var key))
        {
            throw new CryptographicException($"Field '{field}' was sealed with key '{id}', which this service does not hold (Messaging:FieldKeys).");
        }
        var sealedBytes = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException($"The sealed value of field '{field}' is too short.");
        }
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(field));
        return Encoding.UTF8.GetString(plain);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyId();
}
