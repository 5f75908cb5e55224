namespace WijPlatform.Hosting;

/// <summary>Aspire's application model, in small: add servers, databases and projects, then build and run.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    private int _nextProjectPort = 5101;

    internal DistributedApplicationBuilder(AppHostOptions options)
    {
        Options = options;
        Console = options.Quiet ? null : ConsoleOutput.WriteLine;
    }

    public AppHostOptions Options { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    internal Action<string>? Console { get; }

    public PostgresServerResource AddPostgres(string name, int port = 5440) =>
        Add(new PostgresServerResource(name, Options.PortFor(name, port), Options.StateDirectory, Console));

    public RabbitMQServerResource AddRabbitMQ(string name, int port = 5680) =>
        Add(new RabbitMQServerResource(name, Options.PortFor(name, port), Options.StateDirectory, Console));

    /// <summary>The development identity provider: its keys live in the state folder.</summary>
    public DevelopmentIdentity AddDevelopmentIdentity() => DevelopmentIdentity.ForState(Options.StateDirectory);

    public ProjectResource AddProject(string name, string projectPath, int? port = null)
    {
        var project = new ProjectResource(name, projectPath, port ?? Options.PortFor(name, _nextProjectPort++), Options.StateDirectory, Console)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", Options.Environment)
            .WithEnvironment("DOTNET_ENVIRONMENT", Options.Environment);
        if (Options.OtlpEndpoint is { } otlp)
        {
            project.WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", otlp);
        }
        return Add(project);
    }

    public DistributedApplication Build()
    {
        // Databases are declared on their server (postgres.AddDatabase) and become resources of their own here.
        var databases = _resources.OfType<PostgresServerResource>().SelectMany(s => s.Databases).Where(d => !_resources.Contains(d)).ToList();
        foreach (var database in databases)
        {
            Add<Resource>(database);
        }
        return new(Options, _resources);
    }

    private T Add<T>(T resource)
        where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }
        _resources.Add(resource);
        return resource;
    }
}

internal static class ConsoleOutput
{
    private static readonly Lock Gate = new();

    public static void WriteLine(string line)
    {
        lock (Gate)
        {
            System.Console.Out.WriteLine(line);
        }
    }
}
