using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using WijPlatform.Hosting.LocalPostgres;

namespace WijPlatform.Hosting.Reporting;

/// <summary>One running resource as written to resources.json in the state folder, for tools and tests.</summary>
public sealed record ResourceEntry(string Name, string State, string? Url, string? Log, int? ProcessId);

public static class ResourceManifest
{
    /// <summary>Every resource, and the dashboard (named "dashboard") when there is one.</summary>
    public static string ToJson(IEnumerable<ResourceEvent> resources, StateFolderInfo folder, string? dashboard) =>
        JsonSerializer.Serialize(
            resources.Select(r => new ResourceEntry(r.Resource.Name, "healthy", UrlOf(r.Resource), folder.LogOf(r.Resource.Name), ProcessIdOf(r)))
                .Concat(dashboard is null ? [] : [new ResourceEntry("dashboard", "running", dashboard, null, null)]),
            JsonSerializerOptions.Web);

    public static IReadOnlyList<ResourceEntry> Read(string stateDirectory) =>
        JsonSerializer.Deserialize<List<ResourceEntry>>(File.ReadAllText(Path.Combine(stateDirectory, "resources.json")), JsonSerializerOptions.Web) ?? [];

    /// <summary>The address a resource serves on: its first endpoint, or its server's with the database's name.</summary>
    public static string? UrlOf(IResource resource) => resource switch
    {
        LocalPostgresDatabaseResource database => $"{UrlOf(database.Parent)}/{database.Name}",
        IResourceWithEndpoints withEndpoints when withEndpoints.GetEndpoints().FirstOrDefault() is { IsAllocated: true } endpoint => endpoint.Url,
        _ => null,
    };

    /// <summary>The process the orchestrator started for the resource (for a project, the <c>dotnet run</c> that runs it).</summary>
    public static int? ProcessIdOf(ResourceEvent resource) =>
        resource.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, out var pid) => pid,
            _ => null,
        };
}
