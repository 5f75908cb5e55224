using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace WijPlatform.Gateway;

/// <summary>
/// One log line when an instance of a service leaves or rejoins the rotation, instead of YARP's
/// warning with a stack trace for every failed probe of a dead instance (every 5 s while it is down,
/// which buried everything else). Wraps YARP's own health updater, which still decides.
/// </summary>
public sealed partial class DestinationHealthLog(IDestinationHealthUpdater inner, ILogger<DestinationHealthLog> logger) : IDestinationHealthUpdater
{
    public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
    {
        var states = newHealthStates.ToList();
        foreach (var state in states.Where(s => s.Destination.Health.Active != s.NewActiveHealth))
        {
            Log(state.Destination.DestinationId, "its /alive", state.NewActiveHealth);
        }
        inner.SetActive(cluster, states);
    }

    public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
    {
        if (destination.Health.Passive != newHealth)
        {
            Log(destination.DestinationId, "forwarding to it", newHealth);
        }
        inner.SetPassive(cluster, destination, newHealth, reactivationPeriod);
    }

    private void Log(string instance, string evidence, DestinationHealth health)
    {
        if (health == DestinationHealth.Unhealthy)
        {
            LogLeft(logger, instance, evidence);
        }
        else if (health == DestinationHealth.Healthy)
        {
            LogAnswers(logger, instance, evidence);
        }
    }

    /// <summary>Puts the log around YARP's updater and quiets YARP's per-probe warnings.</summary>
    public static void Register(IHostApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Yarp.ReverseProxy.Health.ActiveHealthCheckMonitor", LogLevel.Error);
        var yarps = builder.Services.Single(d => d.ServiceType == typeof(IDestinationHealthUpdater));
        builder.Services.Remove(yarps);
        builder.Services.AddSingleton<IDestinationHealthUpdater>(services => new DestinationHealthLog(
            (IDestinationHealthUpdater)ActivatorUtilities.CreateInstance(services, yarps.ImplementationType!),
            services.GetRequiredService<ILogger<DestinationHealthLog>>()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} left the rotation: {Evidence} failed.")]
    private static partial void LogLeft(ILogger logger, string instance, string evidence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} is in the rotation: {Evidence} answers.")]
    private static partial void LogAnswers(ILogger logger, string instance, string evidence);
}
