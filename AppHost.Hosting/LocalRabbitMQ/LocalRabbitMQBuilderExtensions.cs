using System.Globalization;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using RabbitMQ.Client;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;
using WijPlatform.Hosting.LocalRabbitMQ;
using WijPlatform.Hosting.StateFolder;

namespace Aspire.Hosting;

public static class LocalRabbitMQBuilderExtensions
{
    /// <summary>The broker's home, database and log folders under its state directory.</summary>
    private static readonly string[] Folders = ["home", "mnesia", "log"];

    /// <summary>Erlang's port mapper on its own port, in the foreground, for one RabbitMQ node.</summary>
    public static IResourceBuilder<EpmdResource> AddEpmd(this IDistributedApplicationBuilder builder, [ResourceName] string name, int port) =>
        builder.AddResource(new EpmdResource(name))
            .WithLoopbackEndpoint(EpmdResource.EndpointName, port, "epmd")
            .WithArgs("-port", port.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithReadinessCheck(cancellationToken => AskForNamesAsync(port, cancellationToken));

    /// <summary>
    /// A RabbitMQ node from the operating system's package, its data in the state folder, its
    /// password an Aspire parameter, registered with <paramref name="epmd"/> (which it waits for).
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, [ResourceName] string name, int port, IResourceBuilder<EpmdResource> epmd)
    {
        var directory = Path.Combine(builder.StateFolder().Directory, name);
        // A state folder from before the secrets file kept the broker's password beside its data.
        var legacyPassword = Path.Combine(directory, "password");
        var password = builder.AddStateSecret($"{name}-password", () => File.Exists(legacyPassword) ? File.ReadAllText(legacyPassword).Trim() : StateSecrets.NewPassword());
        // A state folder from before the secrets file kept the field key beside the broker's data too.
        var legacyFieldKey = Path.Combine(directory, "field-key");
        var fieldKey = builder.AddStateSecret("message-field-key", () => File.Exists(legacyFieldKey) ? File.ReadAllText(legacyFieldKey).Trim() : StateSecrets.NewKey());
        var broker = new LocalRabbitMQResource(name, directory, password.Resource, fieldKey.Resource, epmd.Resource);
        var epmdPort = epmd.Resource.Endpoint.EndpointAnnotation.Port!.Value;
        // Distribution (clustering, rabbitmqctl) gets a port of its own beside the AMQP port.
        var distributionPort = port + 20000 <= 65535 ? port + 20000 : port - 20000;

        return builder.AddResource(broker)
            .WithLoopbackEndpoint(LocalRabbitMQResource.EndpointName, port, "amqp")
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in broker.ControlEnvironment(epmdPort))
                {
                    context.EnvironmentVariables[key] = value!;
                }
                context.EnvironmentVariables["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                // Nothing of this node ever starts an "epmd -daemon" of its own: not the node, and not the
                // "erl" its epmd monitor runs (every minute, and when the epmd resource has stopped first at
                // shutdown) to make sure an epmd is there. Such a daemon outlived the stack, orphaned, as
                // test and benchmark runs showed. ERL_AFLAGS reaches every erl started with this environment.
                context.EnvironmentVariables["ERL_AFLAGS"] = "-start_epmd false";
                // Erlang's schedulers spin for work before they sleep; on two cores shared with six .NET
                // services and PostgreSQL that spinning takes the CPU the others need (most of all at start).
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none";
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
                context.EnvironmentVariables["RABBITMQ_LOGS"] = "-";
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
                context.EnvironmentVariables["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid");
                // The start script then execs the Erlang VM instead of waiting beside it, so the
                // process the orchestrator holds (and signals) is the node itself.
                context.EnvironmentVariables["RUNNING_UNDER_SYSTEMD"] = "true";
            })
            .WaitFor(epmd)
            .WithReadinessCheck(async cancellationToken =>
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri((await broker.ConnectionStringExpression.GetValueAsync(cancellationToken))!),
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
                    AutomaticRecoveryEnabled = false,
                    ClientProvidedName = "apphost-health",
                };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            })
            .OnStarting(async (resource, _, cancellationToken) =>
            {
                if (!File.Exists(LocalRabbitMQResource.ServerScript))
                {
                    throw new ResourceCannotStartException($"RabbitMQ is not installed ({LocalRabbitMQResource.ServerScript} is missing; ./wij up installs rabbitmq-server)");
                }
                if (Ports.IsInUse(distributionPort))
                {
                    throw new ResourceCannotStartException($"port {distributionPort} is already in use by another program");
                }
                foreach (var folder in Folders)
                {
                    Directory.CreateDirectory(Path.Combine(directory, folder));
                }
                await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), $"""
                    listeners.tcp.default = 127.0.0.1:{port}
                    loopback_users = none
                    default_user = {LocalRabbitMQResource.UserName}
                    default_pass = {await resource.Password.GetValueAsync(cancellationToken)}
                    log.console = true
                    log.console.level = warning
                    log.file = false
                    """, cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].", cancellationToken);
            });
    }

    /// <summary>
    /// The broker's connection string (ConnectionStrings__messaging) and the key for the personal
    /// fields of message bodies: a service that reads messages without it could not open them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> service, IResourceBuilder<LocalRabbitMQResource> broker) =>
        service
            .WithReference((IResourceBuilder<IResourceWithConnectionString>)broker)
            .WithEnvironment($"Messaging__FieldKeys__{LocalRabbitMQResource.FieldKeyId}", broker.Resource.FieldKey)
            .WithEnvironment("Messaging__FieldKeyId", LocalRabbitMQResource.FieldKeyId);

    /// <summary>A real NAMES request (a bare connect makes epmd log "got partial packet" on every probe).</summary>
    private static async Task AskForNamesAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, cancellationToken);
        var epmdPort = new byte[4];
        await stream.ReadExactlyAsync(epmdPort, cancellationToken);
    }
}
