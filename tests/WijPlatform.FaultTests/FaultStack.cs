using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WijPlatform.Hosting;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WijPlatform.FaultTests;

/// <summary>
/// A small real stack for one fault test: PostgreSQL, RabbitMQ, intake (the sender) and matching
/// (the receiver), each a real process that a test can kill and start again.
/// </summary>
public sealed class FaultStack : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly string _state;

    private FaultStack(string state, Action<ProjectResource>? configureIntake, Action<ProjectResource>? configureMatching, bool startMatching)
    {
        _state = state;
        Postgres = new PostgresServerResource("postgres", Ports.GetFree(), state);
        var intakeDb = Postgres.AddDatabase("intakedb");
        var matchingDb = Postgres.AddDatabase("matchingdb");
        Broker = new RabbitMQServerResource("messaging", Ports.GetFree(), state);
        var identity = DevelopmentIdentity.ForState(state);
        Intake = new ProjectResource("intake", "services/Intake/Intake.csproj", Ports.GetFree(), state)
            .WithReference(intakeDb).WaitFor(intakeDb).WithReference(Broker).WaitFor(Broker)
            .WithEnvironment("Messaging__PublishTimeout", "00:00:02").WithReference(identity);
        Matching = new ProjectResource("matching", "services/Matching/Matching.csproj", Ports.GetFree(), state)
            .WithReference(matchingDb).WaitFor(matchingDb).WithReference(Broker).WaitFor(Broker).WithReference(identity);
        configureIntake?.Invoke(Intake);
        configureMatching?.Invoke(Matching);
        List<Resource> resources = [Postgres, intakeDb, matchingDb, Broker, Intake];
        if (startMatching)
        {
            resources.Add(Matching);
        }
        _app = new DistributedApplication(new AppHostOptions { StateDirectory = state, Quiet = true }, resources);
        var admin = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", identity.CreateToken("admin"));
        IntakeApi = new HttpClient { BaseAddress = new Uri(Intake.Url), Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = admin } };
        MatchingApi = new HttpClient { BaseAddress = new Uri(Matching.Url), Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = admin } };
    }

    public PostgresServerResource Postgres { get; }

    public RabbitMQServerResource Broker { get; }

    public ProjectResource Intake { get; }

    public ProjectResource Matching { get; }

    public HttpClient IntakeApi { get; }

    public HttpClient MatchingApi { get; }

    public string StateDirectory => _state;

    public static async Task<FaultStack> StartAsync(Action<ProjectResource>? configureIntake = null, Action<ProjectResource>? configureMatching = null, bool startMatching = true)
    {
        var stack = new FaultStack(Path.Combine(Path.GetTempPath(), "wij-fault-" + Guid.NewGuid().ToString("N")[..10]), configureIntake, configureMatching, startMatching);
        if (await stack._app.StartAsync(CancellationToken.None) is { } failure)
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException(failure);
        }
        return stack;
    }

    /// <summary>Starts a killed resource again and waits until it is healthy.</summary>
    public static async Task RestartAsync(Resource resource, TimeSpan? timeout = null)
    {
        await resource.StartAsync(CancellationToken.None);
        // A broker that was killed replays its quorum queues first; on a loaded machine that takes a while.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(150));
        while (!await resource.IsHealthyAsync(CancellationToken.None))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{resource.Name} did not become healthy again.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Registers a question that asks for a volunteer; returns its id when the desk got a 2xx answer.</summary>
    public async Task<(int Status, Guid? Id)> RegisterQuestionAsync(string talent = "walk")
    {
        try
        {
            using var response = await IntakeApi.PostAsJsonAsync("/api/intake/help-requests", new
            {
                channel = "desk",
                domains = new[] { "eenzaamheid" },
                description = "Zoekt iemand om mee te wandelen.",
                postcode = "9718 KT",
                volunteerTalent = talent,
            });
            if (!response.IsSuccessStatusCode)
            {
                return ((int)response.StatusCode, null);
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return ((int)response.StatusCode, body.GetProperty("id").GetGuid());
        }
        catch (HttpRequestException)
        {
            return (0, null);
        }
    }

    public async Task<JsonElement> OutboxAsync(HttpClient service, string name) =>
        await service.GetFromJsonAsync<JsonElement>($"/api/{name}/admin/messaging/outbox");

    /// <summary>How many times matching holds each request id: the effect of each message.</summary>
    public async Task<Dictionary<Guid, long>> EffectsAsync(IEnumerable<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionStringFor("matchingdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, count(*) FROM volunteer_requests WHERE id = ANY($1) GROUP BY id", connection)
        {
            Parameters = { new() { Value = ids.ToArray() } },
        };
        var effects = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            effects[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return effects;
    }

    public async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what}");
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IntakeApi.Dispose();
        MatchingApi.Dispose();
        // Matching may have been started outside the application (a late consumer); stop it first.
        await Matching.StopAsync(CancellationToken.None);
        await _app.StopAsync();
        try
        {
            if (Environment.GetEnvironmentVariable("WIJ_KEEP_STATE") is null)
            {
                Directory.Delete(_state, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
