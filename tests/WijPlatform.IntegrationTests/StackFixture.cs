using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WijPlatform.Hosting;
using WijPlatform.Hosting.LocalPostgres;
using WijPlatform.Hosting.Reporting;
using WijPlatform.Hosting.LocalRabbitMQ;
using WijPlatform.IntegrationTests;
using WijPlatform.IntegrationTests.Security;

[assembly: AssemblyFixture(typeof(StackFixture))]

namespace WijPlatform.IntegrationTests;

/// <summary>
/// One stack (PostgreSQL, RabbitMQ, four services, gateway, dashboard) for the whole test run: the
/// real AppHost, started in this process by Aspire.Hosting.Testing with its own state folder and
/// free ports, healthy when Aspire says every resource is, stopped and removed at the end.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    /// <summary>A second gateway with the default rate limit, started only by the test that measures it.</summary>
    public const string RateLimitedGateway = "gateway-ratelimit";

    // Generous: on a machine shared with other builds the first start can take minutes.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private DistributedApplication? _app;
    private StackHost? _host;
    private DevelopmentIdentity? _identity;

    /// <summary>
    /// The whole suite calls as one administrator, so its rate limit is raised well above what one
    /// person needs; the rate-limit test starts a gateway of its own with the default limits.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["Gateway__RequestsPerSecond"] = "5000",
        ["Gateway__Burst"] = "20000",
        ["Gateway__CorsOrigins__0"] = AllowedOrigin,
    };

    public const string AllowedOrigin = "https://wijkapp.example.nl";

    public static readonly IReadOnlyDictionary<string, string> NoticesEnvironment = new Dictionary<string, string>
    {
        ["Notices__Webhooks__AllowLoopback"] = "true",
        ["Notices__Webhooks__AllowedHosts__0"] = "127.0.0.1",
        ["Notices__Webhooks__AllowedHosts__1"] = "192.168.7.7",
        ["Notices__Webhooks__FirstRetryDelay"] = "00:00:01",
        ["Notices__Webhooks__PollInterval"] = "00:00:00.250",
    };

    public StackHost Host => _host ?? throw new InvalidOperationException("The stack is not started.");

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The stack is not started.");

    public HttpClient Gateway { get; private set; } = new();

    public async ValueTask InitializeAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), "wij-test-" + Guid.NewGuid().ToString("N")[..10]);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.WijPlatform_AppHost>(
            // The dashboard as a developer has it: the trace test reads the stack's telemetry from it.
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            ["--state-dir", state, "--gateway-port", Ports.GetFree().ToString(System.Globalization.CultureInfo.InvariantCulture), "--dynamic-ports", "--quiet"]);
        var gateway = builder.CreateResourceBuilder<ProjectResource>("gateway");
        foreach (var (name, value) in Environment)
        {
            gateway.WithEnvironment(name, value);
        }
        // Partners' callbacks: the webhook test's receiver listens on 127.0.0.1 over http, which only this
        // explicit Development setting allows; 192.168.7.7 is allow-listed to show that a private address
        // is refused even then.
        var notices = builder.CreateResourceBuilder<ProjectResource>("notices");
        foreach (var (name, value) in NoticesEnvironment)
        {
            notices.WithEnvironment(name, value);
        }
        AddRateLimitedGateway(builder);

        _app = await builder.BuildAsync();
        _host = new StackHost(state, _app);
        _identity = DevelopmentIdentity.ForState(state);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await _app.StartAsync(timeout.Token);
            await WaitUntilHealthyAsync(_app, timeout.Token);
        }
        catch (Exception ex)
        {
            // The AppHost's own sentence when it stopped the start because a resource could not start.
            var report = _app.Services.GetRequiredService<StartupReport>().Outcome;
            var failure = report.IsCompletedSuccessfully ? report.Result : null;
            // A fixture that fails to start is not disposed by xUnit: stop what did start.
            await DisposeAsync();
            if (failure is not null)
            {
                throw new InvalidOperationException(failure, ex);
            }
            throw;
        }
        Gateway = Client(Host.GatewayUrl, "admin");
    }

    /// <summary>
    /// Every resource of the AppHost healthy, as Aspire's notifications report it; else the
    /// AppHost's own sentence naming the resource that could not start.
    /// </summary>
    private static async Task WaitUntilHealthyAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var healthy = Task.WhenAll(model.Resources
            .Where(r => r is not ParameterResource && !r.TryGetLastAnnotation<ExplicitStartupAnnotation>(out _))
            .Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, cancellationToken)));
        var report = app.Services.GetRequiredService<StartupReport>().Outcome;
        if (await Task.WhenAny(healthy, report) == report && await report is { } failure)
        {
            throw new InvalidOperationException(failure);
        }
        await healthy;
    }

    private static void AddRateLimitedGateway(IDistributedApplicationBuilder builder)
    {
        var identity = new DevelopmentIdentityKeys(
            builder.CreateResourceBuilder<ParameterResource>(DevelopmentIdentity.IdentityProviderKeyName),
            builder.CreateResourceBuilder<ParameterResource>(DevelopmentIdentity.GatewayKeyName));
        var limited = builder.AddService<Projects.Gateway>(RateLimitedGateway, Ports.GetFree())
            .WithExplicitStart()
            .WithReference(identity).WithGatewayTokens(identity)
            .WithReference(builder.CreateResourceBuilder<LocalPostgresDatabaseResource>("gatewaydb"))
            .WithEnvironment("Gateway__RequestsPerSecond", "2")
            .WithEnvironment("Gateway__Burst", "5");
        foreach (var service in Operations.Services)
        {
            limited.WithReference(builder.CreateResourceBuilder<ProjectResource>(service));
        }
    }

    /// <summary>Starts a resource the stack holds but did not start, and waits until Aspire reports it healthy.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Host.Resource(name), KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
    }

    public async Task StopResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(Host.Resource(name), KnownResourceCommands.StopCommand, cancellationToken);
        Assert.True(result.Success, result.Message);
    }

    /// <summary>The development identity provider of this stack: tokens for any role, signed with its key.</summary>
    public DevelopmentIdentity Identity => _identity ?? throw new InvalidOperationException("The stack is not started.");

    /// <summary>A client through the gateway for a caller with <paramref name="role"/> and extra claims (team, volunteer_id, ...).</summary>
    public HttpClient As(string role, IReadOnlyDictionary<string, string>? claims = null, string? subject = null) =>
        Client(Host.GatewayUrl, role, claims, subject);

    /// <summary>A client without any credentials.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };

    private HttpClient Client(Uri baseAddress, string role, IReadOnlyDictionary<string, string>? claims = null, string? subject = null) => new()
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Identity.CreateToken(role, claims, subject: subject)) },
    };

    /// <summary>A connection string to one of the stack's databases as the superuser, for tests that look behind the API.</summary>
    public string ConnectionString(string database) =>
        Host.ConnectionString(database, LocalPostgresResource.SuperuserName);

    /// <summary>A connection string as one of a database's own roles: <c>app</c> (what the service runs as) or <c>owner</c> (what migrates it).</summary>
    public string ConnectionStringAs(string database, string role) =>
        Host.ConnectionString(database, $"{database}_{role}");

    /// <summary>The broker's AMQP address with its credentials, for tests that look into queues.</summary>
    public Uri BrokerAddress => LocalRabbitMQResource.AddressFromState(Host.StateDirectory, Host.UrlOf("messaging"));

    public async Task<NpgsqlConnection> OpenDatabaseAsync(string database)
    {
        var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Publishes a message as if the service that owns <paramref name="database"/> had sent it: into
    /// its outbox, from where its own relay publishes it over the real broker. Stands in for a
    /// service whose side of a flow does not exist yet, or for a message a test must repeat.
    /// </summary>
    public Task<Guid> PublishThroughOutboxAsync<T>(string database, T message)
        where T : class =>
        PublishThroughOutboxAsync(database, message.GetType().FullName!, message);

    /// <summary>Publishes through the service's own outbox relay; the message's id (the outbox row's).</summary>
    public async Task<Guid> PublishThroughOutboxAsync(string database, string messageType, object body)
    {
        var id = Guid.NewGuid();
        await using var connection = await OpenDatabaseAsync(database);
        await using (var insert = new NpgsqlCommand("INSERT INTO outbox_messages (id, message_type, body) VALUES ($1, $2, $3::jsonb)", connection)
        {
            Parameters =
            {
                new() { Value = id },
                new() { Value = $"{messageType}, WijPlatform.Contracts" },
                new() { Value = System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web) },
            },
        })
        {
            await insert.ExecuteNonQueryAsync();
        }
        // Wakes the relay at once instead of at its next poll.
        await using var wake = new NpgsqlCommand("SELECT pg_notify('outbox', '')", connection);
        await wake.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>A client that goes around the gateway straight to a service, as an administrator.</summary>
    public HttpClient Direct(string service) => Client(Host.UrlOf(service), "admin");

    /// <summary>Polls until <paramref name="condition"/> holds, for effects that travel over the broker.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected effect did not appear in time.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Polls a URL until it answers 200, and returns the body.</summary>
    public static async Task<System.Text.Json.JsonElement> EventuallyGetAsync(HttpClient client, string path, TimeSpan? timeout = null)
    {
        System.Text.Json.JsonElement body = default;
        await EventuallyAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            body = await response.ReadAsync<System.Text.Json.JsonElement>();
            return true;
        }, timeout);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_host is not null && System.Environment.GetEnvironmentVariable("WIJ_KEEP_STATE") is null)
        {
            try
            {
                Directory.Delete(_host.StateDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>();
        return value ?? throw new InvalidOperationException("Empty response body.");
    }
}
