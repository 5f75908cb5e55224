using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Chains the audit lines written since its last round into the hash chain (audit_seals), so that a
/// line altered or removed afterwards shows, and anchors the chain's head outside the database
/// (<see cref="AuditAnchors"/>). It runs beside the requests instead of inside them: a line is sealed
/// within <c>Audit:SealInterval</c> (default one second) of its commit.
/// </summary>
public sealed partial class AuditSealer(AuditTrail trail, AuditAnchors anchors, AuditMetrics metrics, IOptions<AuditOptions> options, ILogger<AuditSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SealInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            try
            {
                metrics.Sealed(await trail.SealPendingAsync(stoppingToken));
                await anchors.AnchorAsync(force: false, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database is away or not migrated yet; the lines wait in audit_unsealed.
                LogSealFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit trail failed ({Reason}); the next round retries")]
    private static partial void LogSealFailed(ILogger logger, string reason);
}
