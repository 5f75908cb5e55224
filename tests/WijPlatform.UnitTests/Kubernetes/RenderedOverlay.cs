using System.Text.Json;
using WijPlatform.Hosting;

namespace WijPlatform.UnitTests.Kubernetes;

/// <summary>
/// One overlay of deploy/kubernetes as <c>kubectl kustomize</c> renders it, each object validated
/// against the Kubernetes schemas by deploy/kubernetes/check/validate.mjs (kubernetes-models, offline).
/// kubectl and the npm packages are installed by ./wij; a missing tool fails the test, never skips it.
/// </summary>
public sealed record RenderedObject(string ApiVersion, string Kind, string Name, string Schema, string[] Errors, JsonElement Json);

public sealed class RenderedOverlay(string name, IReadOnlyList<RenderedObject> objects)
{
    public string Name { get; } = name;

    public IReadOnlyList<RenderedObject> Objects { get; } = objects;

    public IEnumerable<RenderedObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    public RenderedObject? Find(string kind, string objectName) => Objects.SingleOrDefault(o => o.Kind == kind && o.Name == objectName);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Rendered = new(StringComparer.Ordinal);

    /// <summary>Each overlay is rendered once per test run, however many tests read it.</summary>
    public static Task<RenderedOverlay> RenderAsync(string overlay) =>
        Rendered.GetOrAdd(overlay, name => new Lazy<Task<RenderedOverlay>>(() => RenderOnceAsync(name))).Value;

    private static async Task<RenderedOverlay> RenderOnceAsync(string overlay)
    {
        var root = RepositoryRoot.Find();
        var check = Path.Combine(root, "deploy", "kubernetes", "check");
        Assert.True(Directory.Exists(Path.Combine(check, "node_modules", "kubernetes-models")), "kubernetes-models is not installed: ./wij test installs it (npm ci in deploy/kubernetes/check)");
        var run = await CommandRunner.RunAsync("bash",
            ["-o", "pipefail", "-c", "kubectl kustomize \"$1\" | node \"$2\"", "render", Path.Combine(root, "deploy", "kubernetes", "overlays", overlay), Path.Combine(check, "validate.mjs")],
            timeout: TimeSpan.FromMinutes(1));
        var objects = run.Output.Split('\n').Where(line => line.StartsWith('{')).Select(Parse).ToList();
        var invalid = objects.Where(o => o.Errors.Length > 0).Select(o => $"{o.Kind}/{o.Name}: {string.Join("; ", o.Errors)}");
        Assert.True(run.Succeeded, $"{overlay} does not render or validate (exit {run.ExitCode}):\n{string.Join('\n', invalid)}\n{run.Output[..Math.Min(run.Output.Length, 3000)]}");
        Assert.NotEmpty(objects);
        return new RenderedOverlay(overlay, objects);
    }

    private static RenderedObject Parse(string line)
    {
        var element = JsonDocument.Parse(line).RootElement;
        return new RenderedObject(
            element.GetProperty("apiVersion").GetString()!,
            element.GetProperty("kind").GetString()!,
            element.GetProperty("name").GetString()!,
            element.GetProperty("schema").GetString()!,
            element.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            element.GetProperty("object").Clone());
    }

    /// <summary>The first container's environment of a Deployment or Job: each variable with its literal value or its Secret reference, and the keys of the ConfigMaps it takes whole.</summary>
    public IReadOnlyDictionary<string, EnvironmentSource> EnvironmentOf(RenderedObject workload)
    {
        var container = workload.Json.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        var environment = new Dictionary<string, EnvironmentSource>(StringComparer.Ordinal);
        if (container.TryGetProperty("envFrom", out var envFrom))
        {
            foreach (var source in envFrom.EnumerateArray())
            {
                var mapName = source.GetProperty("configMapRef").GetProperty("name").GetString()!;
                var map = Find("ConfigMap", mapName) ?? throw new InvalidOperationException($"{workload.Name} takes ConfigMap {mapName}, which {Name} does not hold");
                foreach (var entry in map.Json.GetProperty("data").EnumerateObject())
                {
                    environment[entry.Name] = new EnvironmentSource(entry.Value.GetString(), null);
                }
            }
        }
        if (container.TryGetProperty("env", out var env))
        {
            foreach (var variable in env.EnumerateArray())
            {
                var secret = variable.TryGetProperty("valueFrom", out var from) && from.TryGetProperty("secretKeyRef", out var reference) ? reference.GetProperty("name").GetString() : null;
                environment[variable.GetProperty("name").GetString()!] = new EnvironmentSource(variable.TryGetProperty("value", out var value) ? value.GetString() : null, secret);
            }
        }
        return environment;
    }
}

/// <summary>Where a variable's value comes from: a literal (committed) or a Secret (never committed).</summary>
public sealed record EnvironmentSource(string? Literal, string? Secret);
