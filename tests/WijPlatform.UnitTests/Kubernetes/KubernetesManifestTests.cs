using System.Text.Json;
using System.Text.RegularExpressions;
using WijPlatform.Hosting;

namespace WijPlatform.UnitTests.Kubernetes;

/// <summary>
/// deploy/kubernetes checked without a cluster: each overlay renders and validates against the
/// Kubernetes schemas; each service gets in its Deployment every variable the Aspire AppHost gives
/// it (so none starts in the cluster without a connection string or key), secrets only from
/// Secrets; and the manifests name the resources the Aspire manifest names.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => new(["dev", "production", "operators"]);

    private static readonly Lazy<Task<JsonElement>> AspireResources = new(ProduceAspireManifestAsync);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_rendered_object_validates_against_the_Kubernetes_schemas(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);

        // Only the operators' own kinds lack a schema here, and only where the operators run.
        var custom = rendered.Objects.Where(o => o.Schema != "kubernetes").Select(o => o.Kind).Distinct().Order().ToArray();
        Assert.Equal(overlay == "operators" ? ["Cluster", "Database", "RabbitmqCluster", "ScheduledBackup"] : [], custom);
        foreach (var deployment in rendered.OfKind("Deployment"))
        {
            var pod = deployment.Json.GetProperty("spec").GetProperty("template").GetProperty("spec");
            var container = pod.GetProperty("containers")[0];
            Assert.True(deployment.Json.GetProperty("spec").GetProperty("replicas").GetInt32() >= 2, $"{deployment.Name}: fewer than two pods");
            Assert.False(pod.GetProperty("automountServiceAccountToken").GetBoolean(), deployment.Name);
            Assert.True(pod.GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean(), deployment.Name);
            Assert.True(container.GetProperty("securityContext").GetProperty("readOnlyRootFilesystem").GetBoolean(), deployment.Name);
            Assert.Equal("/health", container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
            Assert.Equal("/alive", container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
            Assert.True(container.GetProperty("resources").TryGetProperty("limits", out _), deployment.Name);
            Assert.Contains(container.GetProperty("volumeMounts").EnumerateArray(), m => m.GetProperty("mountPath").GetString() == "/tmp");
        }
        Assert.Equal(["gateway"], rendered.OfKind("Ingress").SelectMany(i => i.Json.GetProperty("spec").GetProperty("rules").EnumerateArray())
            .SelectMany(r => r.GetProperty("http").GetProperty("paths").EnumerateArray())
            .Select(p => p.GetProperty("backend").GetProperty("service").GetProperty("name").GetString()!).Distinct());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_variable_the_AppHost_gives_a_service_is_set_in_its_Deployment_and_secrets_come_from_Secrets(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var aspire = await AspireResources.Value;
        var missing = new List<string>();
        foreach (var project in Projects(aspire))
        {
            var deployment = rendered.Find("Deployment", project.Name);
            var job = rendered.Find("Job", $"{project.Name}-migrate");
            Assert.NotNull(deployment);
            Assert.NotNull(job);
            var service = rendered.EnvironmentOf(deployment);
            var migration = rendered.EnvironmentOf(job);
            foreach (var variable in project.Value.GetProperty("env").EnumerateObject())
            {
                var name = variable.Name;
                var expression = variable.Value.GetString() ?? "";
                if (OwnerConnection().IsMatch(name))
                {
                    // The owner's password reaches the migration Job only, never the service's pods.
                    Assert.False(service.ContainsKey(name), $"{overlay}: {project.Name}'s pods hold {name}");
                    Assert.True(migration.TryGetValue(name, out var owner) && owner.Secret is not null, $"{overlay}: {job.Name} lacks {name} from a Secret");
                    continue;
                }
                if (!service.TryGetValue(name, out var source) && !IssuerKeyAlternative(name, service) && !FieldKeyInUse(name, service))
                {
                    missing.Add($"{overlay}: {project.Name} lacks {name}");
                    continue;
                }
                if (source is not null && IsSecret(aspire, expression))
                {
                    Assert.True(source.Secret is not null, $"{overlay}: {project.Name}'s {name} is a secret in the Aspire model but a literal in the manifests");
                }
                // What the migration Job's start needs besides: the connections and the keys the service checks before it migrates.
                if ((name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || name.StartsWith("Messaging__FieldKeys__", StringComparison.Ordinal) || name.StartsWith("Auth__Issuers__", StringComparison.Ordinal))
                    && !migration.ContainsKey(name) && !IssuerKeyAlternative(name, migration) && !FieldKeyInUse(name, migration))
                {
                    missing.Add($"{overlay}: {job.Name} lacks {name}");
                }
            }
        }
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_manifests_name_the_resources_of_the_Aspire_manifest(string overlay)
    {
        var rendered = await RenderedOverlay.RenderAsync(overlay);
        var aspire = await AspireResources.Value;
        var projects = Projects(aspire).Select(p => p.Name).Order().ToArray();
        foreach (var kind in new[] { "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler" })
        {
            Assert.Equal(projects, rendered.OfKind(kind).Select(o => o.Name).Order());
        }
        Assert.Equal(projects.Select(p => $"{p}-migrate").Order(), rendered.OfKind("Job").Select(o => o.Name).Order());

        // Every Secret a pod reads carries an Aspire resource's value: a database's connection, its
        // owner's connection, the broker's, or a secret parameter; and every one the services use is read.
        var names = aspire.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var databases = aspire.EnumerateObject().Where(r => Type(r.Value) == "value.v0").Select(r => r.Name).ToArray();
        var read = rendered.OfKind("Deployment").Concat(rendered.OfKind("Job"))
            .SelectMany(w => rendered.EnvironmentOf(w).Values).Select(s => s.Secret).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.All(read, secret => Assert.True(names.Contains(secret) || databases.Contains(secret[..^"-owner".Length]), $"{overlay}: Secret {secret} is no resource of the Aspire model"));
        var used = Projects(aspire)
            .SelectMany(p => p.Value.GetProperty("env").EnumerateObject())
            .SelectMany(v => ReferencedResources().Matches(v.Value.GetString() ?? "").Select(m => m.Groups[1].Value))
            .Where(r => Type(aspire.GetProperty(r)) is "value.v0" or "parameter.v0" && !r.EndsWith("-password", StringComparison.Ordinal))
            .Append("messaging")
            .Distinct();
        var discovered = overlay != "dev"; // production and operators: issuer 0 is an OpenID Connect authority
        Assert.All(used.Where(r => !(discovered && r == "identity-provider-key")), resource => Assert.Contains(resource, read));
        Assert.All(databases, database => Assert.Contains($"{database}-owner", read));

        if (overlay == "operators")
        {
            // PostgreSQL and RabbitMQ under their Aspire names, the databases as the AppHost makes them.
            Assert.Equal("executable.v0", Type(aspire.GetProperty("postgres")));
            Assert.NotNull(rendered.Find("Cluster", "postgres"));
            Assert.Equal("executable.v0", Type(aspire.GetProperty("messaging")));
            Assert.Equal(3, rendered.Find("RabbitmqCluster", "messaging")!.Json.GetProperty("spec").GetProperty("replicas").GetInt32());
            Assert.Equal(databases.Order(), rendered.OfKind("Database").Select(d => d.Name).Order());
        }
    }

    private static IEnumerable<JsonProperty> Projects(JsonElement aspire) => aspire.EnumerateObject().Where(r => Type(r.Value) == "project.v0");

    private static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    /// <summary>A fixed key, a public key or an authority: each lets the service trust issuer N.</summary>
    private static bool IssuerKeyAlternative(string name, IReadOnlyDictionary<string, EnvironmentSource> environment) =>
        IssuerKey().Match(name) is { Success: true } key
        && new[] { "SigningKey", "PublicKeyPem", "Authority" }.Any(alternative => environment.ContainsKey($"Auth__Issuers__{key.Groups[1].Value}__{alternative}"));

    /// <summary>
    /// Key ids are each environment's own (the AppHost's is "dev"): what must hold is that the key
    /// Messaging__FieldKeyId names is there.
    /// </summary>
    private static bool FieldKeyInUse(string name, IReadOnlyDictionary<string, EnvironmentSource> environment) =>
        name.StartsWith("Messaging__FieldKeys__", StringComparison.Ordinal)
        && environment.TryGetValue("Messaging__FieldKeyId", out var id) && environment.ContainsKey($"Messaging__FieldKeys__{id.Literal}");

    /// <summary>Whether an Aspire expression carries a secret parameter or a connection string (which holds a password).</summary>
    private static bool IsSecret(JsonElement aspire, string expression) =>
        ReferencedResources().Matches(expression).Any(m =>
            m.Groups[2].Value == "connectionString"
            || (aspire.TryGetProperty(m.Groups[1].Value, out var resource) && Type(resource) == "parameter.v0"
                && resource.GetProperty("inputs").GetProperty("value").TryGetProperty("secret", out var secret) && secret.GetBoolean()));

    private static async Task<JsonElement> ProduceAspireManifestAsync()
    {
        var root = RepositoryRoot.Find();
        var output = Path.Combine(Path.GetTempPath(), "wij-kube-manifest-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var appHost = Path.Combine(root, "AppHost", "bin", BuildConfiguration.Name, "net10.0", "WijPlatform.AppHost.dll");
            var run = await CommandRunner.RunAsync("dotnet", [appHost, "--publisher", "manifest", "--output-path", Path.Combine(output, "aspire-manifest.json")], timeout: TimeSpan.FromMinutes(2));
            Assert.True(run.Succeeded, run.Output);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json")));
            return manifest.RootElement.GetProperty("resources").Clone();
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"^ConnectionStrings__.+_owner$")]
    private static partial Regex OwnerConnection();

    [GeneratedRegex(@"^Auth__Issuers__(\d+)__SigningKey$")]
    private static partial Regex IssuerKey();

    [GeneratedRegex(@"\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_.-]+)\}")]
    private static partial Regex ReferencedResources();
}
