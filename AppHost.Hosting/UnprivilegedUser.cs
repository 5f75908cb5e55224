using System.Runtime.InteropServices;

namespace WijPlatform.Hosting;

/// <summary>
/// PostgreSQL refuses to run as root; when the orchestrator is root (CI, a fresh machine) the
/// database server runs as the 'postgres' system user through setpriv, which execs in place so the
/// process id we hold is the server's own.
/// </summary>
public static partial class UnprivilegedUser
{
    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>
    /// Where a server's data lives: in the state folder, unless the unprivileged user the server runs
    /// as cannot reach it there (a state folder under /root), then under /var/tmp.
    /// </summary>
    public static string DirectoryFor(string stateDirectory, string name)
    {
        var preferred = Path.Combine(stateDirectory, name);
        return CanReach(preferred)
            ? preferred
            : Path.Combine("/var/tmp", $"wijplatform-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(preferred)))[..12]}", name);
    }

    public static string Name => IsRoot ? "postgres" : Environment.UserName;

    public static (string FileName, List<string> Arguments) Wrap(string fileName, IEnumerable<string> arguments)
    {
        if (!IsRoot)
        {
            return (fileName, arguments.ToList());
        }
        var wrapped = new List<string> { $"--reuid={Name}", $"--regid={Name}", "--init-groups", "--", fileName };
        wrapped.AddRange(arguments);
        return ("setpriv", wrapped);
    }

    public static async Task GiveAsync(string path)
    {
        if (IsRoot)
        {
            await CommandRunner.RunAsync("chown", ["-R", $"{Name}:", path]);
        }
    }

    /// <summary>Whether the unprivileged user can reach a path (every ancestor must be searchable by others).</summary>
    public static bool CanReach(string path)
    {
        if (!IsRoot || OperatingSystem.IsWindows())
        {
            return true;
        }
        for (var dir = new DirectoryInfo(path).Parent; dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && (File.GetUnixFileMode(dir.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
