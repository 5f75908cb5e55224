using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WijPlatform.ServiceDefaults.Data;
using WijPlatform.ServiceDefaults.Messaging;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ from ConnectionStrings:messaging, one durable queue per service with
    /// retries and an error queue, plus the transactional outbox and the inbox on the service's database.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string queueName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var address = BrokerConnection.Address(builder.Configuration);
        var section = builder.Configuration.GetSection("Messaging");
        builder.Services.Configure<MessagingOptions>(section);
        builder.Services.PostConfigure<MessagingOptions>(o => o.QueueName = queueName);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();

        // Fails the start when no field key is configured: a service never sends personal data in clear text.
        var cipher = FieldCipher.FromOptions(options);
        builder.Services.AddSingleton(cipher);
        builder.Services.AddSingleton<PersonalFields>();
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<UnitOfWorkFactory>();
        builder.Services.AddSingleton<TopologyDeployer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TopologyDeployer>());
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        builder.Services.AddHostedService<OutboxCleanup>();
        builder.Services.AddSingleton<ErrorQueue>();
        builder.Services.AddHostedService<ErrorQueueMonitor>();

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.5 reports how it is used to its maker (usage-tracking.masstransit.io) a few
            // minutes after the bus starts. A platform for care data calls nobody its operators did not
            // configure: off, unless Messaging:UsageTelemetry:Enabled (or MASSTRANSIT_USAGE_TELEMETRY) says otherwise.
            bus.ConfigureUsageTelemetryOptions(telemetry =>
            {
                telemetry.Enabled = false;
                section.GetSection("UsageTelemetry").Bind(telemetry);
            });
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureJsonSerializerOptions(json => PersonalFields.Seal(json, cipher));
                var credentials = Uri.UnescapeDataString(address.UserInfo).Split(':', 2);
                rabbit.Host(address.Host, (ushort)(address.Port > 0 ? address.Port : 5672), "/", host =>
                {
                    if (credentials.Length == 2)
                    {
                        host.Username(credentials[0]);
                        host.Password(credentials[1]);
                    }
                    host.PublisherConfirmation = true;
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                rabbit.ReceiveEndpoint(queueName, endpoint =>
                {
                    BrokerTopology.ConfigureQueue(endpoint);
                    endpoint.PrefetchCount = options.PrefetchCount;
                    // While the service's own database is away no message can be handled: keep retrying
                    // (bounded by the delivery limit only if the process dies) instead of filling the error queue.
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Handle<Exception>(TransientFaults.IsDatabaseUnavailable);
                        retry.Exponential(options.OutageRetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
                    });
                    endpoint.UseMessageRetry(retry =>
                    {
                        retry.Ignore<DeliveryLimitExceededException>();
                        retry.Ignore<Exception>(TransientFaults.IsDatabaseUnavailable);
                        retry.Intervals(Enumerable.Range(1, options.RetryLimit).Select(i => TimeSpan.FromMilliseconds(100 * i * i)).ToArray());
                    });
                    endpoint.ConfigureConsumers(context);
                });
            });
        });
        return builder;
    }
}
