using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>One line of audit_log as the service writes it and reads it back, with its signature.</summary>
public sealed record AuditLine(
    long Id,
    DateTime At,
    string Actor,
    string? ActorName,
    string Role,
    string? OnBehalfOf,
    string Action,
    string RecordType,
    string? RecordId,
    Guid[] ResidentIds,
    string Endpoint,
    string? ClientAddress,
    string Outcome,
    byte[]? Mac)
{
    public static AuditLine Of(AuditEntry entry, DateTime at) => new(
        0, at, entry.Actor, entry.ActorName, entry.Role, entry.OnBehalfOf, entry.Action, entry.RecordType, entry.RecordId,
        entry.ResidentIds, entry.Endpoint, entry.ClientAddress, entry.Outcome, null);
}

/// <summary>
/// Signs each audit line when the service writes it, and each anchor of the chain, with a key the
/// database never sees (<c>Audit:SigningKey</c>). A superuser can still change a line, or hold the
/// sealer's lock so that a changed line is sealed as it stands; the line's signature then no longer fits.
/// </summary>
public sealed class AuditSigner
{
    private readonly byte[]? _key;

    public AuditSigner(IOptions<AuditOptions> options)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            return;
        }
        var key = Convert.FromBase64String(options.Value.SigningKey);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Audit:SigningKey is shorter than 32 bytes.");
        }
        _key = key;
    }

    public bool Enabled => _key is not null;

    /// <summary>The line to insert: stamped with the time (to the microsecond PostgreSQL keeps) and signed.</summary>
    public AuditLine Stamp(AuditEntry entry, DateTime now)
    {
        var line = AuditLine.Of(entry, new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc));
        return line with { Mac = Sign(line) };
    }

    public byte[]? Sign(AuditLine line) => _key is null ? null : HMACSHA256.HashData(_key, Content(line));

    public bool Verifies(AuditLine line) =>
        line.Mac is { } mac && Sign(line) is { } expected && CryptographicOperations.FixedTimeEquals(mac, expected);

    public byte[]? Sign(string text) => _key is null ? null : HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));

    public bool Verifies(string text, byte[] mac) => Sign(text) is { } expected && CryptographicOperations.FixedTimeEquals(mac, expected);

    /// <summary>Every field of the line but its id, each with its length, so that no two lines read alike.</summary>
    private static byte[] Content(AuditLine line)
    {
        using var buffer = new MemoryStream(256);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, (line.At.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10);
        buffer.Write(number);
        foreach (var text in new[] { line.Actor, line.ActorName, line.Role, line.OnBehalfOf, line.Action, line.RecordType, line.RecordId, line.Endpoint, line.ClientAddress, line.Outcome })
        {
            if (text is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(number, -1);
                buffer.Write(number[..4]);
                continue;
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32BigEndian(number, bytes.Length);
            buffer.Write(number[..4]);
            buffer.Write(bytes);
        }
        BinaryPrimitives.WriteInt32BigEndian(number, line.ResidentIds.Length);
        buffer.Write(number[..4]);
        foreach (var resident in line.ResidentIds)
        {
            buffer.Write(resident.ToByteArray(bigEndian: true));
        }
        return buffer.ToArray();
    }
}
