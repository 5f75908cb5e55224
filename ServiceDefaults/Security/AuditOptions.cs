namespace WijPlatform.ServiceDefaults.Security;

/// <summary>How the audit trail is sealed, signed and anchored (section <c>Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How soon a committed line joins the hash chain; a line waiting longer is reported by the verification.</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the head of the chain is anchored outside the database (only when it moved).</summary>
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The append-only file the anchors go to besides the log: on storage the database's administrators
    /// cannot write (the service's own volume). Without it the chain is anchored in the log and in memory only.
    /// </summary>
    public string? AnchorPath { get; set; }

    /// <summary>
    /// HMAC-SHA256 key (base64, at least 32 bytes) that signs every line and every anchor. The
    /// database never sees it, so nobody who only has the database can forge either.
    /// </summary>
    public string? SigningKey { get; set; }
}
