using System.Diagnostics.Metrics;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>The audit trail as a metric: how many lines joined the hash chain (a flat line while requests come in means the sealer is stuck).</summary>
public sealed class AuditMetrics
{
    public const string MeterName = "WijPlatform.Audit";

    private readonly Counter<long> _sealed;

    public AuditMetrics(IMeterFactory meterFactory) =>
        _sealed = meterFactory.Create(MeterName).CreateCounter<long>("wij.audit.sealed", description: "Audit lines sealed into the hash chain.");

    internal void Sealed(long lines)
    {
        if (lines > 0)
        {
            _sealed.Add(lines);
        }
    }
}
