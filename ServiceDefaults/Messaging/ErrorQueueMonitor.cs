using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Reads how many messages wait in the service's error queue, every <c>Messaging:ErrorQueuePollInterval</c>
/// (15 s), for the <c>wij.error_queue.depth</c> gauge: a failed message shows on the dashboard's
/// metrics without anyone listing the queue. One connection, kept open between readings.
/// </summary>
public sealed class ErrorQueueMonitor(IConfiguration configuration, IOptions<MessagingOptions> options, MessagingMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = BrokerTopology.ErrorQueue(options.Value.QueueName);
        using var timer = new PeriodicTimer(options.Value.ErrorQueuePollInterval);
        IConnection? connection = null;
        try
        {
            do
            {
                try
                {
                    connection ??= await BrokerConnection.Factory(configuration).CreateConnectionAsync("error-queue-monitor", stoppingToken);
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                    metrics.ErrorQueueDepth = (await channel.QueueDeclarePassiveAsync(queue, stoppingToken)).MessageCount;
                }
                catch (OperationInterruptedException)
                {
                    // The queue does not exist yet: nothing has failed.
                    metrics.ErrorQueueDepth = 0;
                }
                catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or IOException or TimeoutException)
                {
                    // The broker is away; try again with a new connection at the next reading.
                    await DisposeAsync(connection);
                    connection = null;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await DisposeAsync(connection);
        }
    }

    private static async Task DisposeAsync(IConnection? connection)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
