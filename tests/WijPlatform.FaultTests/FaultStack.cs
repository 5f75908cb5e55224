using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WijPlatform.Hosting;
using WijPlatform.Hosting.LocalPostgres;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WijPlatform.FaultTests;

/// <summary>
/// What one fault test works with: the run's PostgreSQL and RabbitMQ (<see cref="FaultInfrastructure"/>),
/// emptied for it, and intake (the sender) and matching (the receiver) started with the test's
/// settings; each a real process that the test can kill and start again. Disposing stops the services.
/// </summary>
public sealed class FaultStack : IAsyncDisposable
{
    private readonly FaultInfrastructure _infrastructure;

    private FaultStack(FaultInfrastructure infrastructure)
    {
        _infrastructure = infrastructure;
        Postgres = infrastructure.Resource("postgres");
        Broker = infrastructure.Resource("messaging");
        Intake = infrastructure.Resource("intake");
        Matching = infrastructure.Resource("matching");
        var admin = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DevelopmentIdentity.ForState(infrastructure.StateDirectory).CreateToken("admin"));
        IntakeApi = new HttpClient { BaseAddress = infrastructure.UrlOf("intake"), Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = admin } };
        MatchingApi = new HttpClient { BaseAddress = infrastructure.UrlOf("matching"), Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = admin } };
    }

    public FaultResource Postgres { get; }

    public FaultResource Broker { get; }

    public FaultResource Intake { get; }

    public FaultResource Matching { get; }

    public HttpClient IntakeApi { get; }

    public HttpClient MatchingApi { get; }

    public string StateDirectory => _infrastructure.StateDirectory;

    /// <param name="configureIntake">Settings of this test for intake (fault switches, shorter intervals).</param>
    /// <param name="startMatching">False: matching is left for the test to start.</param>
    public static async Task<FaultStack> StartAsync(
        Action<ServiceSettings>? configureIntake = null,
        Action<ServiceSettings>? configureMatching = null,
        bool startMatching = true)
    {
        var infrastructure = FaultInfrastructure.Shared;
        await infrastructure.ResetAsync();
        infrastructure.IntakeSettings.Clear();
        infrastructure.IntakeSettings.WithEnvironment("Messaging__PublishTimeout", "00:00:02");
        configureIntake?.Invoke(infrastructure.IntakeSettings);
        infrastructure.MatchingSettings.Clear();
        configureMatching?.Invoke(infrastructure.MatchingSettings);

        var stack = new FaultStack(infrastructure);
        try
        {
            await Task.WhenAll(startMatching ? [RestartAsync(stack.Intake), RestartAsync(stack.Matching)] : [RestartAsync(stack.Intake)]);
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    /// <summary>Starts a killed (or not yet started) resource and waits until it is healthy.</summary>
    // A broker that was killed replays its quorum queues first; on a loaded machine that takes a while.
    public static Task RestartAsync(FaultResource resource, TimeSpan? timeout = null) => resource.StartAsync(timeout ?? TimeSpan.FromSeconds(150));

    // Unpooled: the test kills and restarts the server, and drops the databases between tests.
    private string ConnectionString(string database) =>
        LocalPostgresResource.ConnectionStringFromState(StateDirectory, _infrastructure.UrlOf("postgres"), database) + ";Pooling=false";

    /// <summary>Registers a question that asks for a volunteer; returns its id when the desk got a 2xx answer.</summary>
    public Task<(int Status, Guid? Id)> RegisterQuestionAsync(string talent = "walk") => RegisterQuestionAsync(IntakeApi, talent);

    /// <summary>The same, through <paramref name="caller"/> (the gateway, as the desk).</summary>
    public static async Task<(int Status, Guid? Id)> RegisterQuestionAsync(HttpClient caller, string talent = "walk")
    {
        try
        {
            using var response = await caller.PostAsJsonAsync("/api/intake/help-requests", new
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

    public static async Task<JsonElement> OutboxAsync(HttpClient service, string name) =>
        await service.GetFromJsonAsync<JsonElement>($"/api/{name}/admin/messaging/outbox");

    /// <summary>How many times matching holds each request id: the effect of each message.</summary>
    public async Task<Dictionary<Guid, long>> EffectsAsync(IEnumerable<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("matchingdb"));
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
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
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

    /// <summary>Stops the services; the servers stay for the next test.</summary>
    public async ValueTask DisposeAsync()
    {
        IntakeApi.Dispose();
        MatchingApi.Dispose();
        await Task.WhenAll(Intake.StopAsync(), Matching.StopAsync());
    }
}
