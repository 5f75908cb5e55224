namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Services and a gateway of a test's own, beside the stack's, for a test that needs a configuration the
/// stack does not have; started the way the rate-limit test starts its gateway, stopped when disposed.
/// </summary>
internal sealed class OwnInstances(StackFixture stack, string purpose) : IAsyncDisposable
{
    private readonly List<ProjectResource> _started = [];

    public string State { get; } = Path.Combine(Path.GetTempPath(), $"wij-{purpose}-{Guid.NewGuid().ToString("N")[..10]}");

    /// <summary>A broker address nobody listens on: an instance on it takes no message from the stack's queues.</summary>
    public static string NoBroker => $"amqp://wij:none@127.0.0.1:{Ports.GetFree()}/";

    /// <summary>The stack's broker: an instance on it is one more consumer of its service's queue.</summary>
    public string StackBroker => RabbitMQServerResource.AddressFromState(stack.Host.StateDirectory, stack.Host.UrlOf("messaging")).ToString();

    /// <summary>An instance of <paramref name="service"/> on the given database and broker, trusting the stack's issuers.</summary>
    public ProjectResource Service(string service, string connectionString, string broker, string? name = null)
    {
        var project = char.ToUpperInvariant(service[0]) + service[1..];
        return new ProjectResource(name ?? service, $"services/{project}/{project}.csproj", Ports.GetFree(), State)
            .WithReference(stack.Identity)
            // The stack's field key: an instance reads and writes the same sealed message fields as the stack.
            .WithEnvironment(MessageFieldKey.Environment(Path.Combine(stack.Host.StateDirectory, "messaging")))
            .WithEnvironment($"ConnectionStrings__{service}db", connectionString)
            .WithEnvironment("ConnectionStrings__messaging", broker);
    }

    /// <summary>A gateway that sends each service's calls to <paramref name="own"/>'s instance where there is one, else to the stack's.</summary>
    public ProjectResource Gateway(params ProjectResource[] own)
    {
        var gateway = new ProjectResource("gateway", "gateway/Gateway/Gateway.csproj", Ports.GetFree(), State)
            .WithReference(stack.Identity)
            .WithEnvironment(stack.Identity.GatewayEnvironment())
            .WithEnvironment("ConnectionStrings__gatewaydb", stack.ConnectionString("gatewaydb"));
        foreach (var service in Operations.Services)
        {
            var address = own.FirstOrDefault(p => p.Name == service)?.Url ?? StackAddress(service);
            gateway.WithEnvironment($"services__{service}__http__0", address.TrimEnd('/'));
        }
        return gateway;
    }

    public string StackAddress(string service)
    {
        using var direct = stack.Direct(service);
        return direct.BaseAddress!.ToString();
    }

    /// <summary>Starts the instances and waits until each answers (/alive: one without a broker is never "healthy").</summary>
    public async Task StartAsync(params ProjectResource[] instances)
    {
        foreach (var instance in instances)
        {
            await instance.StartAsync(TestContext.Current.CancellationToken);
            _started.Add(instance);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        await Task.WhenAll(instances.Select(instance => StackFixture.EventuallyAsync(async () =>
        {
            // Throws when the process exited during start-up, with the path of its log.
            if (await instance.IsHealthyAsync(TestContext.Current.CancellationToken))
            {
                return true;
            }
            try
            {
                return (await http.GetAsync($"{instance.Url}/alive")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(120))));
    }

    /// <summary>Stops an instance gracefully, as an orchestrator would (SIGTERM).</summary>
    public static Task StopAsync(ProjectResource instance) => instance.StopAsync(CancellationToken.None);

    public HttpClient Client(ProjectResource instance, string role, IReadOnlyDictionary<string, string>? claims = null, string? subject = null) => new()
    {
        BaseAddress = new Uri(instance.Url),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new("Bearer", stack.Identity.CreateToken(role, claims, subject: subject)) },
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _started)
        {
            await instance.StopAsync(CancellationToken.None);
        }
        if (Directory.Exists(State))
        {
            Directory.Delete(State, recursive: true);
        }
    }
}
