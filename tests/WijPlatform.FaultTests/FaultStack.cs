using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WijPlatform.Hosting;
using WijPlatform.Hosting.Reporting;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WijPlatform.FaultTests;

/// <summary>
/// A small real stack for one fault test, made of the AppHost's own resource types: PostgreSQL,
/// epmd and RabbitMQ from the operating system's packages, intake (the sender) and matching (the
/// receiver) as Aspire project resources; each a real process that a test can kill and start again.
/// </summary>
public sealed class FaultStack : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly string _state;

    private FaultStack(DistributedApplication app, string state)
    {
        _app = app;
        _state = state;
        Postgres = Resource("postgres");
        Broker = Resource("messaging");
        Intake = Resource("intake");
        Matching = Resource("matching");
        var admin = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DevelopmentIdentity.ForState(state).CreateToken("admin"));
        IntakeApi = new HttpClient { BaseAddress = UrlOf("intake"), Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = admin } };
        MatchingApi = new HttpClient { BaseAddress = UrlOf("matching"), Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = admin } };
    }

    public FaultResource Postgres { get; }

    public FaultResource Broker { get; }

    public FaultResource Intake { get; }

    public FaultResource Matching { get; }

    public HttpClient IntakeApi { get; }

    public HttpClient MatchingApi { get; }

    public string StateDirectory => _state;

    /// <param name="configureIntake">Settings of this test for intake (fault switches, shorter intervals).</param>
    /// <param name="startMatching">False: matching is part of the stack but started only by the test.</param>
    public static async Task<FaultStack> StartAsync(
        Action<IResourceBuilder<ProjectResource>>? configureIntake = null,
        Action<IResourceBuilder<ProjectResource>>? configureMatching = null,
        bool startMatching = true)
    {
        var state = Path.Combine(Path.GetTempPath(), "wij-fault-" + Guid.NewGuid().ToString("N")[..10]);
        var options = new AppHostOptions { StateDirectory = state, DynamicPorts = true, Quiet = true, NoDashboard = true };
        var aspire = options.ToAspireOptions();
        // DCP and the dashboard are found through the AppHost's assembly, as when the AppHost runs.
        aspire.AssemblyName = typeof(Projects.WijPlatform_AppHost).Assembly.GetName().Name;
        var builder = DistributedApplication.CreateBuilder(aspire);
        builder.UseStateFolder(options);
        builder.AddConsoleReport();
        var identity = builder.AddDevelopmentIdentity();
        var postgres = builder.AddLocalPostgres("postgres", options.PortFor("postgres", 0));
        var intakeDb = postgres.AddDatabase("intakedb");
        var matchingDb = postgres.AddDatabase("matchingdb");
        var epmd = builder.AddEpmd("epmd", options.PortFor("epmd", 0));
        var broker = builder.AddLocalRabbitMQ("messaging", options.PortFor("messaging", 0), epmd);
        var intake = builder.AddService<Projects.Intake>("intake", options.PortFor("intake", 0))
            .WithReference(intakeDb).WaitFor(intakeDb)
            .WithReference(broker).WaitFor(broker)
            .WithReference(identity)
            .WithEnvironment("Messaging__PublishTimeout", "00:00:02");
        var matching = builder.AddService<Projects.Matching>("matching", options.PortFor("matching", 0))
            .WithReference(matchingDb).WaitFor(matchingDb)
            .WithReference(broker).WaitFor(broker)
            .WithReference(identity);
        configureIntake?.Invoke(intake);
        configureMatching?.Invoke(matching);
        if (!startMatching)
        {
            matching.WithExplicitStart();
        }

        var app = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await app.StartAsync(timeout.Token);
            var report = app.Services.GetRequiredService<StartupReport>().Outcome;
            if (await report.WaitAsync(timeout.Token) is { } failure)
            {
                throw new InvalidOperationException(failure);
            }
            return new FaultStack(app, state);
        }
        catch
        {
            await StopAsync(app, state);
            throw;
        }
    }

    /// <summary>Starts a killed (or not yet started) resource and waits until it is healthy.</summary>
    // A broker that was killed replays its quorum queues first; on a loaded machine that takes a while.
    public static Task RestartAsync(FaultResource resource, TimeSpan? timeout = null) => resource.StartAsync(timeout ?? TimeSpan.FromSeconds(150));

    private FaultResource Resource(string name) =>
        new(_app, _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name));

    private Uri UrlOf(string name) =>
        new(ResourceManifest.UrlOf(_app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name))!);

    private string ConnectionString(string database) =>
        Hosting.LocalPostgres.LocalPostgresResource.ConnectionStringFromState(_state, UrlOf("postgres"), database);

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

    public async ValueTask DisposeAsync()
    {
        IntakeApi.Dispose();
        MatchingApi.Dispose();
        await StopAsync(_app, _state);
    }

    private static async Task StopAsync(DistributedApplication app, string state)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            if (Environment.GetEnvironmentVariable("WIJ_KEEP_STATE") is null)
            {
                Directory.Delete(state, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
