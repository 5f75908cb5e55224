using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Chains the audit lines written since its last round into the hash chain (audit_seals), so that a
/// line altered or removed afterwards shows. It runs beside the requests instead of inside them:
/// a line is sealed within <c>Audit:SealInterval</c> (default one second) of its commit.
/// </summary>
public sealed partial class AuditSealer(AuditTrail trail, AuditMetrics metrics, IConfiguration configuration, ILogger<AuditSealer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Audit:SealInterval", TimeSpan.FromSeconds(1));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
        {
            try
            {
                metrics.Sealed(await trail.SealPendingAsync(stoppingToken));
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
