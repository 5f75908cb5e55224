using System.Text.Json;

namespace WijPlatform.Hosting;

/// <summary>One running resource as written to resources.json in the state folder, for tools and tests.</summary>
public sealed record ResourceEntry(string Name, string State, string? Url, string? Log, int? ProcessId, int? EpmdPort);

public static class ResourceManifest
{
    public static string ToJson(IEnumerable<Resource> resources) =>
        JsonSerializer.Serialize(
            resources.Select(r => new ResourceEntry(r.Name, r.State.ToString().ToLowerInvariant(), r.Url, r.LogPath, r.ProcessId, (r as RabbitMQServerResource)?.EpmdPort)),
            JsonSerializerOptions.Web);

    public static IReadOnlyList<ResourceEntry> Read(string stateDirectory) =>
        JsonSerializer.Deserialize<List<ResourceEntry>>(File.ReadAllText(Path.Combine(stateDirectory, "resources.json")), JsonSerializerOptions.Web) ?? [];
}
