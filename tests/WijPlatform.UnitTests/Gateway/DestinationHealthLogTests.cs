using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WijPlatform.Gateway;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace WijPlatform.UnitTests.Gateway;

public sealed class DestinationHealthLogTests
{
    [Fact]
    public void An_instance_that_keeps_failing_its_probe_is_logged_once_when_it_leaves_and_once_when_it_returns()
    {
        var logger = new RecordingLogger();
        var inner = new RecordingUpdater();
        var log = new DestinationHealthLog(inner, logger);
        var cluster = new ClusterState("intake");
        var second = new DestinationState("intake-2");

        foreach (var health in new[] { DestinationHealth.Healthy, DestinationHealth.Unhealthy, DestinationHealth.Unhealthy, DestinationHealth.Unhealthy, DestinationHealth.Healthy })
        {
            log.SetActive(cluster, [new NewActiveDestinationHealth(second, health)]);
        }

        Assert.Equal(5, inner.Calls);
        Assert.Equal(
            [(LogLevel.Information, "Instance intake-2 is in the rotation: its /alive answers."),
             (LogLevel.Warning, "Instance intake-2 left the rotation: its /alive failed."),
             (LogLevel.Information, "Instance intake-2 is in the rotation: its /alive answers.")],
            logger.Lines);
    }

    [Fact]
    public void A_failed_forward_is_logged_when_it_takes_the_instance_out()
    {
        var logger = new RecordingLogger();
        var log = new DestinationHealthLog(new RecordingUpdater(), logger);
        var second = new DestinationState("matching-2");

        log.SetPassive(new ClusterState("matching"), second, DestinationHealth.Unhealthy, TimeSpan.FromSeconds(10));
        log.SetPassive(new ClusterState("matching"), second, DestinationHealth.Unhealthy, TimeSpan.FromSeconds(10));

        Assert.Equal([(LogLevel.Warning, "Instance matching-2 left the rotation: forwarding to it failed.")], logger.Lines);
    }

    [Fact]
    public void The_gateway_registers_the_log_around_yarps_own_updater()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddReverseProxy();
        DestinationHealthLog.Register(builder);
        using var services = builder.Services.BuildServiceProvider();

        Assert.IsType<DestinationHealthLog>(services.GetRequiredService<IDestinationHealthUpdater>());
    }

    /// <summary>Stands in for YARP's updater: records the call and sets the state as YARP does.</summary>
    private sealed class RecordingUpdater : IDestinationHealthUpdater
    {
        public int Calls { get; private set; }

        public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
        {
            Calls++;
            foreach (var state in newHealthStates)
            {
                state.Destination.Health.Active = state.NewActiveHealth;
            }
        }

        public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
        {
            Calls++;
            destination.Health.Passive = newHealth;
        }
    }

    private sealed class RecordingLogger : ILogger<DestinationHealthLog>
    {
        public List<(LogLevel, string)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
