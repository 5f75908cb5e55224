namespace WijPlatform.Hosting;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Healthy,
    Unhealthy,
    Failed,
    Stopping,
    Stopped,
}

/// <summary>Something the AppHost starts, waits for and stops: a server, a database or a project.</summary>
public abstract class Resource(string name)
{
    private ResourceState _state = ResourceState.NotStarted;

    public string Name { get; } = name;

    public ResourceState State
    {
        get => _state;
        internal set
        {
            if (_state == value)
            {
                return;
            }
            _state = value;
            StateChanged?.Invoke(this, value);
        }
    }

    /// <summary>Why the resource failed, in one sentence a person can act on.</summary>
    public string? FailureReason { get; internal set; }

    public event Action<Resource, ResourceState>? StateChanged;

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>A resource whose lifetime is owned by a parent (a database lives inside its server).</summary>
    public virtual Resource? Parent => null;

    public virtual string? Url => null;

    public virtual string? LogPath => null;

    /// <summary>The operating-system process that runs the resource, while it runs.</summary>
    public virtual int? ProcessId => null;

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Raises a failure that the orchestrator reports as one sentence.</summary>
    protected ResourceStartException Fail(string cause) =>
        new(this, LogPath is null ? $"{Name} cannot start: {cause}." : $"{Name} cannot start: {cause}. Log: {LogPath}");

    internal void MarkFailed(string reason)
    {
        FailureReason = reason;
        State = ResourceState.Failed;
    }
}

public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}

public sealed class ResourceStartException(Resource resource, string message) : Exception(message)
{
    public Resource Resource { get; } = resource;
}
