using System.Diagnostics;
using RabbitMQ.Client;
using WijPlatform.Contracts;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Declares every route of <see cref="MessageRoutes"/> (message exchange → service exchange → durable
/// queue, plus the error queue) before this service publishes anything, so that no message is dropped
/// because its consumer has never started yet.
/// </summary>
public sealed partial class TopologyDeployer(IConfiguration configuration, ILogger<TopologyDeployer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = Stopwatch.StartNew();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await DeployAsync(BrokerConnection.Factory(configuration), stoppingToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or System.Net.Sockets.SocketException or RabbitMQ.Client.Exceptions.OperationInterruptedException or TimeoutException)
            {
                // A service starts beside the broker, so the first half minute of waiting is expected: asked
                // often (a refused connection costs nothing), so the bus starts soon after the broker is up.
                var reason = ex.GetType().Name;
                var atStart = waiting.Elapsed < StartWindow;
                if (attempt == 1)
                {
                    LogFirstWait(logger, reason);
                }
                else if (atStart)
                {
                    LogWaitingAtStart(logger, attempt, reason);
                }
                else
                {
                    LogWaiting(logger, attempt, reason);
                }
                await Task.Delay(atStart ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public static async Task DeployAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        await using var connection = await factory.CreateConnectionAsync("topology", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in MessageRoutes.Consumers.Values.SelectMany(q => q).Distinct())
        {
            var error = BrokerTopology.ErrorQueue(queue);
            await channel.ExchangeDeclareAsync(error, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(error, durable: true, exclusive: false, autoDelete: false, arguments: BrokerTopology.QueueArguments(), cancellationToken: cancellationToken);
            await channel.QueueBindAsync(error, error, "", cancellationToken: cancellationToken);

            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: BrokerTopology.QueueArguments(), cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
        }
        foreach (var (messageType, queues) in MessageRoutes.Consumers)
        {
            var exchange = BrokerTopology.MessageExchange(messageType);
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            foreach (var queue in queues)
            {
                await channel.ExchangeBindAsync(queue, exchange, "", cancellationToken: cancellationToken);
            }
        }
    }

    private static readonly TimeSpan StartWindow = TimeSpan.FromSeconds(30);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker not reachable yet for topology ({Reason}); asking every half second")]
    private static partial void LogFirstWait(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Broker not reachable yet for topology (attempt {Attempt}, {Reason}); retrying")]
    private static partial void LogWaitingAtStart(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker not reachable for topology (attempt {Attempt}, {Reason}); retrying")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);
}

public static class BrokerConnection
{
    public static Uri Address(IConfiguration configuration) =>
        new(configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured (set ConnectionStrings__messaging=amqp://user:password@host:port/)."));

    public static ConnectionFactory Factory(IConfiguration configuration) => new()
    {
        Uri = Address(configuration),
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    };
}
