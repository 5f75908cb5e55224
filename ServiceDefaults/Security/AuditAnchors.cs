using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// The head of the chain at one moment (seal number, its line and its hash), signed with the audit key.
/// <c>SignedFrom</c> is the first line that must carry a signature (lines from before signing existed do not).
/// </summary>
public sealed record AuditAnchor(string Service, long Seal, long Line, string Hash, long SignedFrom, string At, string Mac)
{
    [JsonIgnore]
    public string Payload => string.Join('|', "wij-audit-anchor/1", Service, Seal, Line, Hash, SignedFrom, At);
}

/// <summary>
/// Anchors the audit chain outside the database it protects: every <c>Audit:AnchorInterval</c> in
/// which the chain grew, its head is signed with a key the database never sees and appended to
/// <c>Audit:AnchorPath</c> (a file the database's administrators cannot write) and written to the log
/// (which leaves the machine with the rest of the logs). A superuser who removes the newest lines, or
/// alters a line and recomputes the seals after it, leaves a chain that no longer holds the anchored
/// seal; the verification compares the two. An anchor is only added on top of a chain that still holds
/// the previous one, so tampering cannot be anchored over.
/// </summary>
public sealed partial class AuditAnchors(NpgsqlDataSource db, AuditSigner signer, IOptions<AuditOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<AuditAnchors> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuditAnchor? _written;
    private string? _refusal;

    private string Service => environment.ApplicationName;

    /// <summary>Anchors the head of the chain if it moved (and, unless <paramref name="force"/>, the interval has passed).</summary>
    public async Task AnchorAsync(bool force, CancellationToken ct)
    {
        if (!signer.Enabled)
        {
            return;
        }
        await _gate.WaitAsync(ct);
        try
        {
            // What this process anchored last; the file only when it has anchored nothing yet.
            var previous = _written ?? (string.IsNullOrWhiteSpace(options.Value.AnchorPath) ? null : ReadFile([]));
            await using var connection = await db.OpenConnectionAsync(ct);
            var head = await connection.QuerySingleOrDefaultAsync<(long Seal, long Line, byte[] Hash)?>(new CommandDefinition(
                "SELECT seq, line_id, hash FROM audit_seals ORDER BY seq DESC LIMIT 1", cancellationToken: ct));
            if (head is not { } now || (previous is not null && previous.Seal == now.Seal && previous.Hash == Convert.ToHexStringLower(now.Hash)))
            {
                return;
            }
            if (!force && previous is not null && clock.GetUtcNow() - DateTimeOffset.Parse(previous.At, CultureInfo.InvariantCulture) < options.Value.AnchorInterval)
            {
                return;
            }
            long signedFrom;
            if (previous is null)
            {
                signedFrom = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT coalesce(max(id), 0) + 1 FROM audit_log WHERE mac IS NULL", cancellationToken: ct));
                LogFirstAnchor(logger, now.Seal);
            }
            else
            {
                signedFrom = previous.SignedFrom;
                if ((await CompareAsync(connection, previous, ct) ?? await ChangedSinceAsync(connection, previous, now.Seal, ct)) is { } problem)
                {
                    if (_refusal != problem.Detail)
                    {
                        _refusal = problem.Detail;
                        LogRefused(logger, previous.Seal, problem.Kind, problem.Line);
                    }
                    return;
                }
            }
            var at = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            var unsigned = new AuditAnchor(Service, now.Seal, now.Line, Convert.ToHexStringLower(now.Hash), signedFrom, at, "");
            var anchor = unsigned with { Mac = Convert.ToHexStringLower(signer.Sign(unsigned.Payload)!) };
            // The log first: it leaves the machine even when the file cannot be written.
            LogAnchored(logger, anchor.Service, anchor.Seal, anchor.Line, anchor.Hash, anchor.At, anchor.Mac);
            _written = anchor;
            _refusal = null;
            await AppendAsync(anchor, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>What the verification holds the chain against: the newest valid anchor, and what is wrong with the anchors themselves.</summary>
    public async Task<(AuditAnchor? Latest, List<AuditFinding> Findings)> LatestAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var findings = new List<AuditFinding>();
            if (!signer.Enabled)
            {
                findings.Add(new AuditFinding("unprotected", null, "Audit:SigningKey is not configured: lines are not signed and the chain is not anchored outside the database."));
                return (null, findings);
            }
            return (Latest(findings), findings);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Null when the chain still holds the anchored seal; else what happened to it.</summary>
    public static async Task<AuditFinding?> CompareAsync(NpgsqlConnection connection, AuditAnchor anchor, CancellationToken ct)
    {
        var seal = await connection.QuerySingleOrDefaultAsync<(long Line, byte[] Hash)?>(new CommandDefinition(
            "SELECT line_id, hash FROM audit_seals WHERE seq = @Seal", new { anchor.Seal }, cancellationToken: ct));
        if (seal is not { } found)
        {
            return new AuditFinding("removed", anchor.Line,
                $"Seal {anchor.Seal} (line {anchor.Line}), anchored at {anchor.At}, is gone: lines were removed from the trail since.");
        }
        return found.Line == anchor.Line && Convert.ToHexStringLower(found.Hash) == anchor.Hash
            ? null
            : new AuditFinding("rewritten", anchor.Line,
                $"Seal {anchor.Seal} no longer holds line {anchor.Line} as anchored at {anchor.At}: lines up to it were removed or altered and the seals recomputed.");
    }

    private async Task<AuditFinding?> ChangedSinceAsync(NpgsqlConnection connection, AuditAnchor previous, long head, CancellationToken ct) =>
        await AuditChecks.ChainBreakAsync(connection, previous.Seal, head, ct)
        ?? (await AuditChecks.SignaturesAsync(connection, signer, previous.SignedFrom, (previous.Seal, head), ct)).FirstOrDefault();

    /// <summary>The newest anchor this process wrote or the anchor file holds, whichever is newer.</summary>
    private AuditAnchor? Latest(List<AuditFinding> findings)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AnchorPath))
        {
            return _written;
        }
        var fromFile = ReadFile(findings);
        if (_written is { } written && (fromFile is null || fromFile.Seal < written.Seal))
        {
            findings.Add(new AuditFinding("anchor-lost", written.Line,
                $"This service anchored seal {written.Seal} at {written.At}, but the anchor file {(fromFile is null ? "holds no anchor" : $"ends at seal {fromFile.Seal}")}: anchors were removed from it."));
            return written;
        }
        return fromFile;
    }

    /// <summary>The newest entry of the anchor file whose signature holds; entries that do not hold are findings.</summary>
    private AuditAnchor? ReadFile(List<AuditFinding> findings)
    {
        var path = options.Value.AnchorPath!;
        if (!File.Exists(path))
        {
            return null;
        }
        // The newest anchors are at the end; 64 KiB holds a few hundred of them.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = Math.Max(0, file.Length - 65_536);
        file.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A read that starts mid-file starts mid-line.
        foreach (var text in lines.Skip(start > 0 ? 1 : 0).Reverse())
        {
            AuditAnchor? anchor;
            try
            {
                anchor = JsonSerializer.Deserialize<AuditAnchor>(text, Json);
            }
            catch (JsonException)
            {
                continue;
            }
            if (anchor is null || anchor.Service != Service)
            {
                continue;
            }
            if (signer.Verifies(anchor.Payload, Convert.FromHexString(anchor.Mac)))
            {
                return anchor;
            }
            findings.Add(new AuditFinding("anchor-forged", anchor.Line, $"The anchor file holds an entry for seal {anchor.Seal} whose signature does not hold: someone wrote it without the audit key."));
        }
        return null;
    }

    private async Task AppendAsync(AuditAnchor anchor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AnchorPath))
        {
            return;
        }
        var path = Path.GetFullPath(options.Value.AnchorPath);
        var fileOptions = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite, Options = FileOptions.WriteThrough };
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            else
            {
                // Only the service's own account reads or writes the anchors, not the database server's.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using var file = new FileStream(path, fileOptions);
            await file.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(anchor, Json) + "\n"), ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The anchor is in the log and in memory; the verification reports the file as behind.
            LogFileFailed(logger, path, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain anchored: {Service} seal {Seal} line {Line} hash {Hash} at {At} signature {Mac}")]
    private static partial void LogAnchored(ILogger logger, string service, long seal, long line, string hash, string at, string mac);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit anchor file {Path} cannot be written ({Reason})")]
    private static partial void LogFileFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No earlier anchor of the audit chain found; anchoring it as it stands at seal {Seal}")]
    private static partial void LogFirstAnchor(ILogger logger, long seal);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit chain no longer fits its anchor at seal {Seal} ({Kind}, line {Line}); it is not anchored again until an operator has looked")]
    private static partial void LogRefused(ILogger logger, long seal, string kind, long? line);
}
