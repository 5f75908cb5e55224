using Aspire.Hosting.ApplicationModel;

namespace WijPlatform.Hosting.LocalRabbitMQ;

/// <summary>
/// A RabbitMQ node run from the operating system's package (Aspire's own RabbitMQ resource needs a
/// container engine) with its own ports, data folder and epmd, so that several run side by side
/// and none outlives its AppHost.
/// </summary>
public sealed class LocalRabbitMQResource(string name, string directory, ParameterResource password, ParameterResource fieldKey, EpmdResource epmd)
    : ExecutableResource(name, ServerScript, directory), IResourceWithConnectionString
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    public const string EndpointName = "amqp";
    public const string DistributionEndpointName = "dist";
    public const string UserName = "wij";

    /// <summary>One node per state folder, registered with its own epmd: the name never clashes.</summary>
    public const string NodeName = "wij@localhost";

    public string Directory { get; } = directory;

    public ParameterResource Password { get; } = password;

    /// <summary>
    /// The key the services seal the personal fields of message bodies with: whoever talks to this
    /// broker needs it, so a reference to the broker hands it over (Messaging__FieldKeys__dev).
    /// </summary>
    public ParameterResource FieldKey { get; } = fieldKey;

    /// <summary>The id development seals with; production names its own keys (see README, Security).</summary>
    public const string FieldKeyId = "dev";

    public EpmdResource Epmd { get; } = epmd;

    public EndpointReference Endpoint => field ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{Endpoint.Property(EndpointProperty.IPV4Host)}:{Endpoint.Property(EndpointProperty.Port)}/");

    /// <summary>The AMQP address of a running stack's broker, with its credentials from the state folder.</summary>
    public static Uri AddressFromState(string stateDirectory, Uri broker, string name = "messaging") =>
        new($"amqp://{UserName}:{StateFolder.StateSecrets.Read(stateDirectory, $"{name}-password")}@{broker.Authority}/");

    /// <summary>What rabbitmqctl needs to find this node (its epmd port, cookie and name).</summary>
    public Dictionary<string, string?> ControlEnvironment(int epmdPort) => new()
    {
        ["ERL_EPMD_PORT"] = epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HOME"] = Path.Combine(Directory, "home"),
        ["RABBITMQ_NODENAME"] = NodeName,
    };
}

/// <summary>
/// Erlang's port mapper run in the foreground as a resource of its own: started by RabbitMQ itself
/// it would daemonise and outlive the stack.
/// </summary>
public sealed class EpmdResource(string name) : ExecutableResource(name, "epmd", "/")
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => field ??= new(this, EndpointName);
}
