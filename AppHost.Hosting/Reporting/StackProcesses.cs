using System.Globalization;

namespace WijPlatform.Hosting.Reporting;

/// <summary>
/// The operating-system processes of a running AppHost, read from /proc: Aspire's orchestrator (DCP)
/// runs detached from the AppHost and watches it (<c>dcp start-apiserver --monitor &lt;pid&gt;</c>), and
/// every resource, the dashboard and their monitors run under it.
/// </summary>
public static class StackProcesses
{
    /// <summary>The AppHost, DCP, and everything DCP started (resources, <c>dotnet run</c> wrappers, the dashboard, monitors).</summary>
    public static IReadOnlyList<int> Of(int appHostProcessId)
    {
        var children = ChildrenByParent();
        var roots = Commands().Where(c => c.Command.Contains($"--monitor {appHostProcessId.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal)).Select(c => c.Pid);
        return [.. Tree(appHostProcessId, children).Concat(roots.SelectMany(r => Tree(r, children))).Distinct()];
    }

    /// <summary>A process and all its descendants.</summary>
    public static IEnumerable<int> Tree(int root, ILookup<int, int>? children = null)
    {
        children ??= ChildrenByParent();
        yield return root;
        foreach (var child in children[root])
        {
            foreach (var descendant in Tree(child, children))
            {
                yield return descendant;
            }
        }
    }

    public static bool IsRunning(int pid)
    {
        // A zombie is not running: it only waits for its parent to read its exit status.
        var stat = Read($"/proc/{pid}/stat");
        return stat is not null && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
    }

    /// <summary>The command line of a process, its arguments separated by spaces; null once it is gone.</summary>
    public static string? CommandOf(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim();

    public static ILookup<int, int> ChildrenByParent()
    {
        var pairs = new List<(int Parent, int Pid)>();
        foreach (var pid in Pids())
        {
            // Field 4 of /proc/pid/stat, after the command name in parentheses (which may hold spaces).
            if (Read($"/proc/{pid}/stat") is { } stat)
            {
                pairs.Add((int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture), pid));
            }
        }
        return pairs.ToLookup(p => p.Parent, p => p.Pid);
    }

    private static IEnumerable<(int Pid, string Command)> Commands() =>
        Pids().Select(pid => (pid, CommandOf(pid) ?? ""));

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : 0).Where(pid => pid > 0);

    private static string? Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended between listing and reading
        }
    }
}
