namespace WijPlatform.Hosting;

/// <summary>
/// A .NET project of the repository, run from its build output with Aspire's configuration
/// conventions: ConnectionStrings__name, services__name__http__0, OTEL_*, ASPNETCORE_URLS.
/// </summary>
public sealed class ProjectResource : Resource
{
    private readonly Action<string>? _console;
    private readonly Dictionary<string, Func<string>> _environment = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private ManagedProcess? _process;

    public ProjectResource(string name, string projectPath, int port, string stateDirectory, Action<string>? console = null)
        : base(name)
    {
        ProjectPath = Path.GetFullPath(projectPath, RepositoryRoot.Find());
        Port = port;
        _console = console;
        LogPath = Path.Combine(stateDirectory, "logs", $"{name}.log");
        WithEnvironment("ASPNETCORE_URLS", () => $"http://127.0.0.1:{Port}");
        WithEnvironment("OTEL_SERVICE_NAME", () => Name);
        // Outside the databases, where their superuser cannot rewrite them.
        WithEnvironment("Audit__AnchorPath", () => Path.Combine(stateDirectory, "audit", $"{name}.anchors"));
    }

    public string ProjectPath { get; }

    public int Port { get; }

    public override string LogPath { get; }

    public override int? ProcessId => _process?.Id;

    public override string Url => $"http://127.0.0.1:{Port}";

    public string AssemblyPath
    {
        get
        {
            var directory = Path.GetDirectoryName(ProjectPath)!;
            var assembly = Path.GetFileNameWithoutExtension(ProjectPath);
            return Path.Combine(directory, "bin", BuildConfiguration.Name, "net10.0", assembly + ".dll");
        }
    }

    public IReadOnlyDictionary<string, string> Environment => _environment.ToDictionary(e => e.Key, e => e.Value());

    public ProjectResource WithEnvironment(string name, string value) => WithEnvironment(name, () => value);

    public ProjectResource WithEnvironment(string name, Func<string> value)
    {
        _environment[name] = value;
        return this;
    }

    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        if (resource is PostgresDatabaseResource database)
        {
            WithEnvironment($"ConnectionStrings__{database.Name}_owner", () => database.OwnerConnectionString);
        }
        if (resource is RabbitMQServerResource broker)
        {
            WithEnvironment(broker.FieldKeyEnvironment());
        }
        return WithEnvironment($"ConnectionStrings__{resource.Name}", () => resource.ConnectionString);
    }

    public ProjectResource WithReference(ProjectResource project) =>
        WithEnvironment($"services__{project.Name}__http__0", () => project.Url);

    /// <summary>Trust the identity provider's tokens (and the gateway's, for partner keys); sign the audit trail.</summary>
    public ProjectResource WithReference(DevelopmentIdentity identity) => WithEnvironment(identity.TrustEnvironment()).WithEnvironment(identity.AuditEnvironment());

    public ProjectResource WithEnvironment(IReadOnlyDictionary<string, Func<string>> variables)
    {
        foreach (var (name, value) in variables)
        {
            WithEnvironment(name, value);
        }
        return this;
    }

    public ProjectResource WaitFor(Resource resource)
    {
        WaitsFor.Add(resource);
        return this;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw Fail($"it is not built ({AssemblyPath} is missing; run dotnet build)");
        }
        if (Ports.IsInUse(Port))
        {
            throw Fail($"port {Port} is already in use by another program");
        }
        var environment = Environment.ToDictionary(e => e.Key, e => (string?)e.Value);
        // A process that crashed on its own (a fault test, a crash loop) is released before it is replaced.
        await (_process?.DisposeAsync() ?? ValueTask.CompletedTask);
        _process = ManagedProcess.Start("dotnet", [AssemblyPath], environment, Name, LogPath, _console, Path.GetDirectoryName(AssemblyPath));
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (_process is { HasExited: true })
        {
            throw Fail($"it exited with code {await _process.Exited} during start-up");
        }
        try
        {
            using var response = await _http.GetAsync($"{Url}/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(8));
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Kills the service without warning, as a crash would; used by fault tests.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            _process.Signal(PosixSignalNumber.Kill);
            await _process.Exited;
            await _process.DisposeAsync();
            _process = null;
        }
    }
}

public static class BuildConfiguration
{
    public static string Name =>
        System.Environment.GetEnvironmentVariable("WIJ_CONFIGURATION") ??
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}

public static class RepositoryRoot
{
    /// <summary>The folder that holds WijPlatform.sln, found by walking up from the running program.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WijPlatform.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("WijPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
