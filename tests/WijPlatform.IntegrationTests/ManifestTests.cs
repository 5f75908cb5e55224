using System.Text.Json;
using System.Text.RegularExpressions;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests;

/// <summary>
/// The Aspire manifest of the AppHost (the basis of a Kubernetes deployment) is produced as a
/// developer would, <c>--publisher manifest</c>, and holds every resource with every reference of
/// every service resolvable within it.
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly string[] Services = ["intake", "calendar", "matching", "cafe", "notices", "gateway"];
    private static readonly string[] Databases = ["intakedb", "calendardb", "matchingdb", "cafedb", "gatewaydb"];

    [Fact]
    public async Task The_manifest_holds_every_resource_and_every_services_references_resolve()
    {
        var output = Path.Combine(Path.GetTempPath(), "wij-manifest-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var run = await CommandRunner.RunAsync("dotnet", [AppHostProcess.AppHostAssembly, "--publisher", "manifest", "--output-path", Path.Combine(output, "aspire-manifest.json")], timeout: TimeSpan.FromMinutes(2));
            Assert.True(run.Succeeded, run.Output);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"), TestContext.Current.CancellationToken));
            var resources = manifest.RootElement.GetProperty("resources");

            string TypeOf(string name) => resources.TryGetProperty(name, out var r) ? r.GetProperty("type").GetString()! : "missing";
            Assert.All(Services, s => Assert.Equal("project.v0", TypeOf(s)));
            Assert.All(Databases, d => Assert.Equal("value.v0", TypeOf(d)));
            Assert.All(["postgres", "epmd", "messaging"], e => Assert.Equal("executable.v0", TypeOf(e)));
            // Every role's password and the development keys are secrets a deployment supplies.
            foreach (var secret in Databases.SelectMany(d => new[] { $"{d}-owner-password", $"{d}-app-password" }).Concat(["postgres-password", "messaging-password", "identity-provider-key", "gateway-token-key"]))
            {
                Assert.Equal("parameter.v0", TypeOf(secret));
                Assert.True(resources.GetProperty(secret).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean(), secret);
            }

            foreach (var service in Services)
            {
                var environment = resources.GetProperty(service).GetProperty("env");
                Assert.True(environment.TryGetProperty("Auth__Issuers__0__SigningKey", out _), $"{service} trusts no issuer");
                foreach (var variable in environment.EnumerateObject())
                {
                    foreach (Match reference in Reference().Matches(variable.Value.GetString() ?? ""))
                    {
                        Assert.True(Resolves(resources, reference.Groups[1].Value.Split('.')), $"{service}: {variable.Name} refers to {reference.Value}, which the manifest does not hold");
                    }
                }
            }
            Assert.True(resources.GetProperty("gateway").GetProperty("env").TryGetProperty("services__intake__http__0", out _));
            Assert.Equal("{intakedb.connectionString}", resources.GetProperty("intake").GetProperty("env").GetProperty("ConnectionStrings__intakedb").GetString());
            Assert.Contains("Username=intakedb_owner", resources.GetProperty("intake").GetProperty("env").GetProperty("ConnectionStrings__intakedb_owner").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>
    /// Whether a manifest expression such as <c>intakedb.connectionString</c>, <c>postgres.bindings.tcp.port</c>
    /// or <c>postgres-password.value</c> names something in the manifest, following nested expressions.
    /// </summary>
    private static bool Resolves(JsonElement resources, string[] path, int depth = 0)
    {
        if (depth > 10 || !resources.TryGetProperty(path[0], out var resource))
        {
            return false;
        }
        return path[1..] switch
        {
            ["connectionString"] or ["value"] => resource.TryGetProperty(path[1], out var expression) && ResolvesAll(resources, expression.GetString() ?? "", depth),
            ["bindings", var binding, "host" or "port" or "targetPort" or "url" or "scheme"] => resource.TryGetProperty("bindings", out var bindings) && bindings.TryGetProperty(binding, out _),
            ["inputs", var input] => resource.TryGetProperty("inputs", out var inputs) && inputs.TryGetProperty(input, out _),
            _ => false,
        };
    }

    private static bool ResolvesAll(JsonElement resources, string expression, int depth) =>
        Reference().Matches(expression).All(m => Resolves(resources, m.Groups[1].Value.Split('.'), depth + 1));

    [GeneratedRegex(@"\{([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)\}")]
    private static partial Regex Reference();
}
