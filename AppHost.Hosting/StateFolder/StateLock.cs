namespace WijPlatform.Hosting.StateFolder;

/// <summary>
/// One AppHost per state folder: an exclusive lock on a file inside it, so a second start says so
/// instead of failing on ports. The operating system drops the lock when the holder dies.
/// </summary>
public sealed class StateLock : IDisposable
{
    private readonly FileStream _lock;

    private StateLock(FileStream @lock) => _lock = @lock;

    public static StateLock? TryAcquire(string stateDirectory, bool fresh)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "apphost.lock");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        if (fresh)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(stateDirectory).Where(e => Path.GetFileName(e) != "apphost.lock"))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }
        File.WriteAllText(Path.Combine(stateDirectory, "apphost.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new StateLock(stream);
    }

    public static string Holder(string stateDirectory)
    {
        var pidFile = Path.Combine(stateDirectory, "apphost.pid");
        return File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : "unknown";
    }

    public void Dispose() => _lock.Dispose();
}
