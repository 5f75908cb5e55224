using MassTransit;

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
        // Fails the start when no field key is configured: a service never sends personal data in clear text.
        builder.AddWijOptions<MessagingOptions>("Messaging")
            .PostConfigure(o => o.QueueName = queueName)
            .ValidateBy(o => FieldCipher.FromOptions(o));
        builder.AddWijOptions<FaultInjectionOptions>("");
        builder.Services.AddSingleton<FaultInjection>();
        builder.Services.AddSingleton(services => FieldCipher.FromOptions(services.GetRequiredService<IOptions<MessagingOptions>>().Value));
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
                builder.Configuration.GetSection("Messaging:UsageTelemetry").Bind(telemetry);
            });
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                var cipher = context.GetRequiredService<FieldCipher>();
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
        builder.Services.RemoveMassTransitHostedService();
        builder.Services.AddHostedService<BusAfterTopology>();
        return builder;
    }
}
