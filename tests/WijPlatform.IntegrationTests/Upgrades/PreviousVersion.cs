using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Upgrades;

/// <summary>
/// The version a rolling update replaces, checked out of the repository's own history and built: the
/// parent of the newest commit that changed a migration. That is the newest code that must run
/// against a schema it did not make; any later commit ran its own tests on that schema already.
/// <c>WIJ_PREVIOUS_VERSION</c> names another revision (for example <c>HEAD~1</c>).
/// </summary>
internal static class PreviousVersion
{
    /// <summary>Every migration of every service and of the messaging tables.</summary>
    private const string Migrations = ":(glob)**/Migrations/*.sql";

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    public sealed record Build(string Revision, string Describe, string AppHostAssembly);

    /// <summary>The previous version's AppHost, built from a checkout of its commit (kept per commit for a rerun).</summary>
    public static async Task<Build> PrepareAsync()
    {
        var repository = RepositoryRoot.Find();
        if ((await GitAsync(repository, "rev-parse", "--is-shallow-repository")).Trim() == "true")
        {
            throw new InvalidOperationException(
                "The previous-version test needs the repository's history, and this clone is shallow: clone without --depth (or run git fetch --unshallow).");
        }
        var revision = Environment.GetEnvironmentVariable("WIJ_PREVIOUS_VERSION") is { Length: > 0 } named
            ? (await GitAsync(repository, "rev-parse", "--verify", named + "^{commit}")).Trim()
            : await BeforeLastSchemaChangeAsync(repository);
        var describe = (await GitAsync(repository, "log", "-1", "--format=%h %s", revision)).Trim();
        var configuration = BuildConfiguration.Name;
        var checkout = Path.Combine(Path.GetTempPath(), $"wij-previous-{revision[..12]}-{configuration}");
        var appHost = Path.Combine(checkout, "AppHost", "bin", configuration, "net10.0", "WijPlatform.AppHost.dll");
        var built = Path.Combine(checkout, ".built");
        if (File.Exists(built))
        {
            return new Build(revision, describe, appHost);
        }
        if (Directory.Exists(checkout))
        {
            Directory.Delete(checkout, recursive: true);
        }
        Directory.CreateDirectory(checkout);
        // git archive: the commit's files only, no second work tree registered in the repository.
        var archive = await CommandRunner.RunAsync("sh", ["-c", $"git -C '{repository}' archive --format=tar {revision} | tar -x -C '{checkout}'"], timeout: TimeSpan.FromMinutes(2));
        if (!archive.Succeeded)
        {
            throw new InvalidOperationException($"Checking out {describe} failed:\n{archive.Output}");
        }
        // The AppHost and what it runs (services, gateway); no tests. Analyzers off: that code passed them in its own build;
        // no build servers, which would outlive the test.
        var build = await CommandRunner.RunAsync("dotnet",
            ["build", Path.Combine(checkout, "AppHost", "WijPlatform.AppHost.csproj"), "-c", configuration, "-nologo", "-v", "quiet", "-clp:ErrorsOnly", "-p:RunAnalyzers=false", "--disable-build-servers"],
            timeout: BuildTimeout);
        if (!build.Succeeded || !File.Exists(appHost))
        {
            throw new InvalidOperationException($"Building the previous version {describe} failed (exit {build.ExitCode}):\n{build.Output}");
        }
        await File.WriteAllTextAsync(built, revision);
        return new Build(revision, describe, appHost);
    }

    private static async Task<string> BeforeLastSchemaChangeAsync(string repository)
    {
        var lastChange = (await GitAsync(repository, "log", "-1", "--format=%H", "HEAD", "--", Migrations)).Trim();
        if (lastChange.Length == 0)
        {
            throw new InvalidOperationException("No commit in the history changed a migration: there is no previous schema to test against.");
        }
        return (await GitAsync(repository, "rev-parse", "--verify", lastChange + "^1")).Trim();
    }

    private static async Task<string> GitAsync(string repository, params string[] arguments)
    {
        var result = await CommandRunner.RunAsync("git", ["-C", repository, .. arguments], timeout: TimeSpan.FromMinutes(1));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed (exit {result.ExitCode}): {result.Output}");
        }
        return result.Output;
    }
}
