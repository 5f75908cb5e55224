using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using WijPlatform.Contracts;
using WijPlatform.FaultTests;
using WijPlatform.Hosting;
using WijPlatform.Hosting.LocalPostgres;
using WijPlatform.Hosting.LocalRabbitMQ;
using WijPlatform.Hosting.Reporting;
using WijPlatform.ServiceDefaults.Messaging;

[assembly: AssemblyFixture(typeof(FaultInfrastructure))]

namespace WijPlatform.FaultTests;

/// <summary>
/// The fault suite's one Aspire application, made of the AppHost's own resource types: PostgreSQL
/// (intakedb, matchingdb), epmd and RabbitMQ, started once for the run, and intake and matching as
/// project resources that each test starts with its own settings and stops again. Starting the
/// servers and Aspire's orchestrator for every test would cost about half a minute each (start and
/// stop) on these two cores; instead each test gets empty databases and an empty broker, and fresh
/// service processes, which is all a test can tell apart from a new stack. A test that kills a
/// server starts it again itself; one that fails before it could is covered by the next test's start.
/// </summary>
public sealed class FaultInfrastructure : IAsyncLifetime
{
    private DistributedApplication? _app;

    /// <summary>The run's infrastructure, for <see cref="FaultStack.StartAsync"/>; tests run one at a time.</summary>
    public static FaultInfrastructure Shared { get; private set; } = null!;

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "wij-fault-" + Guid.NewGuid().ToString("N")[..10]);

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The fault infrastructure is not started.");

    /// <summary>What the running test asks of intake and matching: read whenever they start.</summary>
    public ServiceSettings IntakeSettings { get; } = new();

    public ServiceSettings MatchingSettings { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var options = new AppHostOptions { StateDirectory = StateDirectory, DynamicPorts = true, Quiet = true, NoDashboard = true };
        var aspire = options.ToAspireOptions();
        // DCP is found through the AppHost's assembly, as when the AppHost runs.
        aspire.AssemblyName = typeof(Projects.WijPlatform_AppHost).Assembly.GetName().Name;
        var builder = DistributedApplication.CreateBuilder(aspire);
        builder.UseStateFolder(options);
        builder.AddConsoleReport();
        var identity = builder.AddDevelopmentIdentity();
        var postgres = builder.AddLocalPostgres("postgres", options.PortFor("postgres", 0));
        var intakeDb = postgres.AddDatabase("intakedb");
        var matchingDb = postgres.AddDatabase("matchingdb");
        var noticesDb = postgres.AddDatabase("noticesdb");
        var epmd = builder.AddEpmd("epmd", options.PortFor("epmd", 0));
        var broker = builder.AddLocalRabbitMQ("messaging", options.PortFor("messaging", 0), epmd);
        // Two instances of intake and of matching: the replica test starts the second ones and the gateway.
        var intake = new[] { "intake", "intake-2" }.Select(name => builder.AddService<Projects.Intake>(name, options.PortFor(name, 0), "intake")
            .WithReference(intakeDb).WaitFor(intakeDb)
            .WithReference(broker).WaitFor(broker)
            .WithReference(identity)
            .WithEnvironment(IntakeSettings.Apply)
            .WithExplicitStart()).ToList();
        var matching = new[] { "matching", "matching-2" }.Select(name => builder.AddService<Projects.Matching>(name, options.PortFor(name, 0), "matching")
            .WithReference(matchingDb).WaitFor(matchingDb)
            .WithReference(broker).WaitFor(broker)
            .WithReference(identity)
            .WithEnvironment(MatchingSettings.Apply)
            .WithExplicitStart()).ToList();
        // Started only by the notices' outage test.
        builder.AddService<Projects.Notices>("notices", options.PortFor("notices", 0))
            .WithReference(noticesDb).WaitFor(noticesDb)
            .WithReference(broker).WaitFor(broker)
            .WithReference(identity)
            .WithEnvironment("Notices__Sender__Folder", Path.Combine(StateDirectory, "notices", "outbox"))
            .WithExplicitStart();
        AddGateway(builder, options, postgres.AddDatabase("gatewaydb"), identity, new ServiceInstances("intake", intake), new ServiceInstances("matching", matching));

        _app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await _app.StartAsync(timeout.Token);
            if (await _app.Services.GetRequiredService<StartupReport>().Outcome.WaitAsync(timeout.Token) is { } failure)
            {
                throw new InvalidOperationException(failure);
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
        Shared = this;
    }

    /// <summary>
    /// The gateway in front of both instances of intake and matching, started by the replica test
    /// (after the instances, so it does not wait for them). The calendar, café and notices are not
    /// part of this test, so their routes point at the first intake instance, which answers the
    /// gateway's health probe for them; the test calls only intake and matching. No rate limit: the
    /// test is the load.
    /// </summary>
    private static void AddGateway(IDistributedApplicationBuilder builder, AppHostOptions options, IResourceBuilder<LocalPostgresDatabaseResource> gatewayDb,
        DevelopmentIdentityKeys identity, params ServiceInstances[] services)
    {
        var gateway = builder.AddService<Projects.Gateway>("gateway", options.PortFor("gateway", 0))
            .WithReference(identity).WithGatewayTokens(identity)
            .WithReference(gatewayDb).WaitFor(gatewayDb)
            .WithEnvironment("Gateway__RequestsPerSecond", "100000")
            .WithEnvironment("Gateway__Burst", "100000")
            .WithExplicitStart();
        foreach (var absent in new[] { "calendar", "cafe", "notices" })
        {
            gateway.WithEnvironment($"services__{absent}__http__0", services[0].Instances[0].GetEndpoint("http"));
        }
        foreach (var service in services)
        {
            for (var i = 0; i < service.Instances.Count; i++)
            {
                gateway.WithEnvironment($"services__{service.Name}__http__{i}", service.Instances[i].GetEndpoint("http"));
            }
        }
    }

    public FaultResource Resource(string name) =>
        new(App, App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name));

    public Uri UrlOf(string name) =>
        new(ResourceManifest.UrlOf(App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name))!);

    /// <summary>
    /// The servers running (a test before may have killed one and failed before starting it again),
    /// the services' databases dropped and made again empty, and no queue left on the broker.
    /// </summary>
    public async Task ResetAsync()
    {
        foreach (var server in new[] { Resource("postgres"), Resource("messaging") })
        {
            if (server.HasExited)
            {
                await server.StartAsync(TimeSpan.FromMinutes(3));
            }
        }
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var postgres = model.Resources.OfType<LocalPostgresResource>().Single();
        await using (var connection = new NpgsqlConnection(LocalPostgresResource.ConnectionStringFromState(StateDirectory, UrlOf("postgres"), "postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            foreach (var database in postgres.Databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        await DatabaseSetup.EnsureAsync(postgres, CancellationToken.None);

        var factory = new ConnectionFactory { Uri = LocalRabbitMQResource.AddressFromState(StateDirectory, UrlOf("messaging")) };
        await using var broker = await factory.CreateConnectionAsync("fault-reset");
        await using var channel = await broker.CreateChannelAsync();
        foreach (var queue in MessageRoutes.Consumers.Values.SelectMany(q => q).Distinct())
        {
            foreach (var name in new[] { queue, BrokerTopology.ErrorQueue(queue), $"{queue}_skipped" })
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            if (Environment.GetEnvironmentVariable("WIJ_KEEP_STATE") is null)
            {
                Directory.Delete(StateDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The environment a test gives a service (fault switches, shorter intervals), applied each time it starts.</summary>
public sealed class ServiceSettings
{
    private readonly Dictionary<string, string> _environment = [];

    public ServiceSettings WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public void Clear() => _environment.Clear();

    internal void Apply(EnvironmentCallbackContext context)
    {
        foreach (var (name, value) in _environment)
        {
            context.EnvironmentVariables[name] = value;
        }
    }
}
