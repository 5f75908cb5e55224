using Aspire.Hosting;
using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace WijPlatform.Hosting.Reporting;

/// <summary>Why a resource could not start, in words a person can act on ("port 5440 is already in use by another program").</summary>
public sealed class ResourceCannotStartException(string cause) : Exception(cause);

/// <summary>The causes recorded while resources were being started, for the one sentence the AppHost prints.</summary>
public sealed class StartFailures
{
    private readonly ConcurrentDictionary<string, string> _causes = new();

    public void Record(string resource, string cause) => _causes[resource] = cause;

    public string? CauseOf(string resource) => _causes.TryGetValue(resource, out var cause) ? cause : null;
}

public static class StartFailureExtensions
{
    /// <summary>Runs <paramref name="callback"/> before the resource starts; a <see cref="ResourceCannotStartException"/> it throws becomes the reported cause.</summary>
    public static IResourceBuilder<T> OnStarting<T>(this IResourceBuilder<T> builder, Func<T, BeforeResourceStartedEvent, CancellationToken, Task> callback)
        where T : IResource =>
        builder.OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
        {
            try
            {
                await callback(resource, @event, cancellationToken);
            }
            catch (ResourceCannotStartException failure)
            {
                @event.Services.GetService<StartFailures>()?.Record(resource.Name, failure.Message);
                throw;
            }
        });
}
