using System.Net.Http.Json;
using Npgsql;
using WijPlatform.Hosting;
using WijPlatform.IntegrationTests;

[assembly: AssemblyFixture(typeof(StackFixture))]

namespace WijPlatform.IntegrationTests;

/// <summary>One stack (PostgreSQL, RabbitMQ, four services, gateway) for the whole test run.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    private AppHostProcess? _host;
    private DevelopmentIdentity? _identity;

    /// <summary>
    /// The whole suite calls as one administrator, so its rate limit is raised well above what one
    /// person needs; the rate-limit test runs a gateway of its own with the default limits.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["Gateway__RequestsPerSecond"] = "5000",
        ["Gateway__Burst"] = "20000",
        ["Gateway__CorsOrigins__0"] = AllowedOrigin,
    };

    public const string AllowedOrigin = "https://wijkapp.example.nl";

    public AppHostProcess Host => _host ?? throw new InvalidOperationException("The stack is not started.");

    public HttpClient Gateway { get; private set; } = new();

    public async ValueTask InitializeAsync()
    {
        _host = AppHostProcess.Start(environment: Environment);
        _identity = DevelopmentIdentity.ForState(_host.StateDirectory);
        await _host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        Gateway = Client(_host.GatewayUrl, "admin");
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

    /// <summary>A connection string to one of the stack's databases, for tests that look behind the API.</summary>
    public string ConnectionString(string database) =>
        PostgresServerResource.ConnectionStringFromState(Host.StateDirectory, Host.UrlOf("postgres"), database);

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
    public Task PublishThroughOutboxAsync<T>(string database, T message)
        where T : class =>
        PublishThroughOutboxAsync(database, message.GetType().FullName!, message);

    public async Task PublishThroughOutboxAsync(string database, string messageType, object body)
    {
        await using var connection = await OpenDatabaseAsync(database);
        await using (var insert = new NpgsqlCommand("INSERT INTO outbox_messages (id, message_type, body) VALUES ($1, $2, $3::jsonb)", connection)
        {
            Parameters =
            {
                new() { Value = Guid.NewGuid() },
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
        if (_host is not null)
        {
            await _host.DisposeAsync();
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
