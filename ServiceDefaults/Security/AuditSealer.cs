namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Chains the audit lines written since its last round into the hash chain (audit_seals), so that a
/// line altered or removed afterwards shows, and anchors the chain's head outside the database
/// (<see cref="AuditAnchors"/>). It runs beside the requests instead of inside them: a line is sealed
/// within <c>Audit:SealInterval</c> (default one second) of its commit. While the database is away or
/// not migrated yet, the lines wait in audit_unsealed for the next round. Every instance runs it,
/// without a job lease: audit_seal() takes its own lock, so one instance seals a round and the others
/// seal nothing, and each instance anchors the head into its own file (Audit:AnchorPath).
/// </summary>
public sealed class AuditSealer(AuditTrail trail, AuditAnchors anchors, AuditMetrics metrics, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditSealer> logger)
    : TimerJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SealInterval;

    protected override bool RunAtStart => false;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        metrics.Sealed(await trail.SealPendingAsync(cancellationToken));
        await anchors.AnchorAsync(force: false, cancellationToken);
    }
}
