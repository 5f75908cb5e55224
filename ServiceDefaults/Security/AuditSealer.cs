namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Chains the audit lines written since its last round into the hash chain (audit_seals), so that a
/// line altered or removed afterwards shows, and anchors the chain's head outside the database
/// (<see cref="AuditAnchors"/>). It runs beside the requests instead of inside them: a line is sealed
/// within <c>Audit:SealInterval</c> (default one second) of its commit. While the database is away or
/// not migrated yet, the lines wait in audit_unsealed for the next round.
/// </summary>
public sealed class AuditSealer(AuditTrail trail, AuditAnchors anchors, AuditMetrics metrics, IOptions<AuditOptions> options, JobLeases leases, TimeProvider clock, ILogger<AuditSealer> logger)
    : TimerJob(clock, logger, leases)
{
    protected override TimeSpan Interval => options.Value.SealInterval;

    protected override bool RunAtStart => false;

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        metrics.Sealed(await trail.SealPendingAsync(cancellationToken));
        await anchors.AnchorAsync(force: false, cancellationToken);
    }
}
