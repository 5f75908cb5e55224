using MassTransit;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Starts the bus once the topology deployer has reached the broker, in place of MassTransit's own
/// hosted service. A service starts beside RabbitMQ, which takes 15-30 s to boot on two cores; a bus
/// started at once retries its connection with a back-off of 3, 6, 12, 24 s (MassTransit's policy,
/// not configurable), so it connected up to 12 s after the broker was ready, logging a warning with a
/// stack trace at each try. The topology deployer polls every half second, and its first connection
/// proves the broker answers with our credentials. Until the bus runs, its health check keeps the
/// service unhealthy, as before.
/// </summary>
public sealed class BusAfterTopology(IBusDepot depot, TopologyDeployer topology) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _started = Task.CompletedTask;
    private bool _startRequested;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = Task.Run(async () =>
        {
            await topology.Ready.WaitAsync(_stopping.Token);
            _startRequested = true;
            await depot.Start(_stopping.Token);
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _started.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_startRequested)
        {
            await depot.Stop(cancellationToken);
            _startRequested = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_startRequested)
        {
            await depot.Stop(CancellationToken.None);
            _startRequested = false;
        }
        _stopping.Dispose();
    }
}
