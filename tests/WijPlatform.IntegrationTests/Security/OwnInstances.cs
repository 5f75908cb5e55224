using WijPlatform.Hosting.LocalRabbitMQ;
using WijPlatform.Hosting.StateFolder;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Services and a gateway of a test's own, beside the stack's, for a test that needs a configuration the
/// stack does not have: configured as the AppHost configures the stack's (the same issuers, audit keys
/// and message field key from its state folder), stopped when disposed.
/// </summary>
internal sealed class OwnInstances(StackFixture stack, string purpose) : IAsyncDisposable
{
    private readonly List<ServiceInstance> _started = [];

    public string State { get; } = Path.Combine(Path.GetTempPath(), $"wij-{purpose}-{Guid.NewGuid().ToString("N")[..10]}");

    /// <summary>A broker address nobody listens on: an instance on it takes no message from the stack's queues.</summary>
    public static string NoBroker => $"amqp://wij:none@127.0.0.1:{Ports.GetFree()}/";

    /// <summary>The stack's broker: an instance on it is one more consumer of its service's queue.</summary>
    public string StackBroker => stack.BrokerAddress.ToString();

    /// <summary>An instance of <paramref name="service"/> on the given database and broker, trusting the stack's issuers.</summary>
    public ServiceInstance Service(string service, string connectionString, string broker, string? name = null)
    {
        var project = char.ToUpperInvariant(service[0]) + service[1..];
        return Trusting(new ServiceInstance(name ?? service, $"services/{project}/{project}.csproj", Path.Combine(State, "logs")))
            .WithEnvironment("Audit__SigningKey", Secret($"{service}-audit-key"))
            .WithEnvironment("Audit__AnchorPath", Path.Combine(State, "audit", $"{name ?? service}.anchors"))
            // The stack's field key: an instance reads and writes the same sealed message fields as the stack.
            .WithEnvironment($"Messaging__FieldKeys__{LocalRabbitMQResource.FieldKeyId}", Secret("message-field-key"))
            .WithEnvironment("Messaging__FieldKeyId", LocalRabbitMQResource.FieldKeyId)
            .WithEnvironment($"ConnectionStrings__{service}db", connectionString)
            .WithEnvironment("ConnectionStrings__messaging", broker);
    }

    /// <summary>A gateway that sends each service's calls to <paramref name="own"/>'s instance where there is one, else to the stack's.</summary>
    public ServiceInstance Gateway(params ServiceInstance[] own)
    {
        var gateway = Trusting(new ServiceInstance("gateway", "gateway/Gateway/Gateway.csproj", Path.Combine(State, "logs")))
            .WithEnvironment("Gateway__TokenIssuer", DevelopmentIdentity.GatewayIssuer)
            .WithEnvironment("Gateway__TokenSigningKey", stack.Identity.GatewayKey)
            .WithEnvironment("ConnectionStrings__gatewaydb", stack.ConnectionString("gatewaydb"));
        foreach (var service in Operations.Services)
        {
            var address = own.FirstOrDefault(p => p.Name == service)?.Url ?? StackAddress(service);
            gateway.WithEnvironment($"services__{service}__http__0", address.TrimEnd('/'));
        }
        return gateway;
    }

    private ServiceInstance Trusting(ServiceInstance instance) => instance
        .WithEnvironment("Auth__Audience", DevelopmentIdentity.Audience)
        .WithEnvironment("Auth__Issuers__0__Name", DevelopmentIdentity.Issuer)
        .WithEnvironment("Auth__Issuers__0__SigningKey", stack.Identity.IdentityProviderKey)
        .WithEnvironment("Auth__Issuers__1__Name", DevelopmentIdentity.GatewayIssuer)
        .WithEnvironment("Auth__Issuers__1__SigningKey", stack.Identity.GatewayKey);

    private string Secret(string name) => StateSecrets.Read(stack.Host.StateDirectory, name);

    public string StackAddress(string service) => stack.Host.UrlOf(service).ToString();

    /// <summary>Starts the instances and waits until each answers (/alive: one without a broker is never "healthy").</summary>
    public async Task StartAsync(params ServiceInstance[] instances)
    {
        foreach (var instance in instances)
        {
            instance.Start();
            _started.Add(instance);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        await Task.WhenAll(instances.Select(instance => StackFixture.EventuallyAsync(async () =>
        {
            // Throws when the process exited during start-up, with the path of its log.
            if (await instance.IsHealthyAsync(http))
            {
                return true;
            }
            try
            {
                return (await http.GetAsync($"{instance.Url}/alive")).IsSuccessStatusCode;
            }
            // Refused while it starts, or slow to answer on a busy machine: ask again.
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(120))));
    }

    /// <summary>Stops an instance gracefully, as an orchestrator would (SIGTERM).</summary>
    public static Task StopAsync(ServiceInstance instance) => instance.StopAsync();

    public HttpClient Client(ServiceInstance instance, string role, IReadOnlyDictionary<string, string>? claims = null, string? subject = null) => new()
    {
        BaseAddress = new Uri(instance.Url),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new("Bearer", stack.Identity.CreateToken(role, claims, subject: subject)) },
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _started)
        {
            await instance.StopAsync();
        }
        if (Directory.Exists(State))
        {
            Directory.Delete(State, recursive: true);
        }
    }
}
