using System.Runtime.CompilerServices;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WijPlatform.Hosting;
using WijPlatform.Hosting.StateFolder;

namespace Aspire.Hosting;

/// <summary>The state folder of one stack: its options, its secrets, and the lock that keeps a second AppHost out.</summary>
public sealed record StateFolderInfo(AppHostOptions Options, StateSecrets Secrets)
{
    public string Directory => Options.StateDirectory;

    public string LogDirectory => Path.Combine(Directory, "logs");

    public string LogOf(string resource) => Path.Combine(LogDirectory, $"{resource}.log");
}

public static class StateFolderExtensions
{
    // Keyed by the service collection, which a test's builder shares with the AppHost's own.
    private static readonly ConditionalWeakTable<Microsoft.Extensions.DependencyInjection.IServiceCollection, StateFolderInfo> Folders = [];

    /// <summary>
    /// Takes the state folder for this AppHost (emptied first with --fresh); returns the one sentence
    /// that says why not when another AppHost holds it. Nothing is locked when only the manifest is written.
    /// </summary>
    public static string? UseStateFolder(this IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        var folder = new StateFolderInfo(options, new StateSecrets(options.StateDirectory));
        Folders.AddOrUpdate(builder.Services, folder);
        builder.Services.AddSingleton(folder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return null;
        }
        var stateLock = StateLock.TryAcquire(options.StateDirectory, options.Fresh);
        if (stateLock is null)
        {
            return $"WijPlatform is already running with state folder {options.StateDirectory} (pid {StateLock.Holder(options.StateDirectory)}); stop that one first (Ctrl+C there, or kill the pid).";
        }
        builder.Services.AddHostedService(_ => new StateLockHolder(stateLock));
        return null;
    }

    public static StateFolderInfo StateFolder(this IDistributedApplicationBuilder builder) =>
        Folders.TryGetValue(builder.Services, out var folder) ? folder : throw new InvalidOperationException("Call builder.UseStateFolder(options) first.");

    /// <summary>A secret Aspire parameter whose value is made once and kept in the state folder.</summary>
    /// <remarks>Asked for again (the second instance of a service), the same secret: one parameter per name.</remarks>
    public static IResourceBuilder<ParameterResource> AddStateSecret(this IDistributedApplicationBuilder builder, [ResourceName] string name, Func<string>? create = null) =>
        builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == name) is { } existing
            ? builder.CreateResourceBuilder(existing)
            : builder.AddParameter(name, new StateSecretDefault(builder.StateFolder().Secrets, name, create), secret: true);

    /// <summary>Holds the lock for as long as the application runs, and lets go when it stops.</summary>
    private sealed class StateLockHolder(StateLock stateLock) : IHostedService, IDisposable
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        // Let go only when the host is disposed, after the orchestrator has stopped every resource.
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => stateLock.Dispose();
    }
}
