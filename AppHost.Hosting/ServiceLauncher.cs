using System.Reflection;
using System.Runtime.Versioning;
using System.Security;
using Aspire.Hosting;

namespace WijPlatform.Hosting;

/// <summary>
/// How a built service is started when the stack runs. Aspire 13.6 starts a project resource as
/// <c>dotnet run --project … --no-build</c>: that wrapper evaluates the whole project with MSBuild
/// (about 4 s of CPU per service, six services at once on two cores) and stays beside the service for
/// its life (about 140 MB). Given a launcher file instead, a project file without the SDK whose run
/// command is <c>dotnet Service.dll</c> in the project's own folder, the same wrapper evaluates in a
/// tenth of the time and holds half the memory; the service, its environment, endpoints and the
/// dashboard stay as they were. Publishing (the manifest, Kubernetes) keeps the real project.
/// </summary>
public static class ServiceLauncher
{
    /// <summary>
    /// The launcher file beside <paramref name="project"/>'s built assembly, written when missing or
    /// different; null when the assembly is not built (then the project itself runs).
    /// </summary>
    public static string? For<TProject>() where TProject : IProjectMetadata, new() =>
        Launchers.GetOrAdd(typeof(TProject), _ => Write(new TProject()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string?> Launchers = new();

    private static string? Write(IProjectMetadata project)
    {
        var projectDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var name = Path.GetFileNameWithoutExtension(project.ProjectPath);
        var output = Path.Combine(projectDirectory, "bin", Configuration, TargetFramework);
        var assembly = Path.Combine(output, name + ".dll");
        if (!File.Exists(assembly))
        {
            return null;
        }
        // OutputType, TargetFramework and an empty ComputeRunArguments are what `dotnet run` asks of a
        // runnable project before it reads RunCommand, RunArguments and RunWorkingDirectory.
        var content = $"""
            <Project>
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <TargetFrameworkIdentifier>.NETCoreApp</TargetFrameworkIdentifier>
                <RunCommand>dotnet</RunCommand>
                <RunArguments>"{SecurityElement.Escape(assembly)}"</RunArguments>
                <RunWorkingDirectory>{SecurityElement.Escape(projectDirectory)}</RunWorkingDirectory>
              </PropertyGroup>
              <Target Name="ComputeRunArguments" />
            </Project>
            """;
        var launcher = Path.Combine(output, name + ".launch.proj");
        if (!File.Exists(launcher) || File.ReadAllText(launcher) != content)
        {
            // Written aside and moved in, so stacks starting at once (tests) never read half a file.
            var written = $"{launcher}.{Environment.ProcessId}.tmp";
            File.WriteAllText(written, content);
            File.Move(written, launcher, overwrite: true);
        }
        return launcher;
    }

    /// <summary>The build configuration of the AppHost (built with it), which `dotnet run` would have passed on to the services.</summary>
    private static string Configuration =>
        typeof(ServiceLauncher).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string TargetFramework
    {
        get
        {
            var version = new FrameworkName(AppContext.TargetFrameworkName ?? ".NETCoreApp,Version=v10.0").Version;
            return $"net{version.Major}.{version.Minor}";
        }
    }
}

/// <summary><typeparamref name="TProject"/> started through its launcher file, which is run as it is: there is nothing to build.</summary>
public sealed class Launched<TProject> : IProjectMetadata where TProject : IProjectMetadata, new()
{
    /// <remarks>Used only when <see cref="ServiceLauncher.For{TProject}"/> found the built assembly.</remarks>
    public string ProjectPath => ServiceLauncher.For<TProject>()!;

    public bool SuppressBuild => true;
}
