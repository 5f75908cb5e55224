using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WijPlatform.Hosting;

/// <summary>
/// A child process in its own session (setsid), so that a terminal's Ctrl+C reaches only the
/// orchestrator, which then stops the children in order; its output goes to a log file and,
/// prefixed with the resource name, to the console sink.
/// </summary>
public sealed partial class ManagedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter? _log;
    private readonly Action<string>? _console;
    private readonly string _prefix;
    private readonly Lock _logLock = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ManagedProcess(Process process, string prefix, StreamWriter? log, Action<string>? console)
    {
        _process = process;
        _prefix = prefix;
        _log = log;
        _console = console;
    }

    public int Id => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    public Task<int> Exited => _exited.Task;

    public static ManagedProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IDictionary<string, string?> environment,
        string name,
        string? logPath,
        Action<string>? console,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = "setsid",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        StreamWriter? log = null;
        if (logPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
            log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, name, log, console);
        process.OutputDataReceived += (_, e) => managed.Write(e.Data);
        process.ErrorDataReceived += (_, e) => managed.Write(e.Data);
        process.Exited += (_, _) =>
        {
            // Exited may fire before the output readers drained; WaitForExit() waits for them.
            process.WaitForExit();
            managed._exited.TrySetResult(process.ExitCode);
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            log?.Dispose();
            throw new InvalidOperationException($"could not run {fileName}: {ex.Message}", ex);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
        _console?.Invoke($"{_prefix,-10}| {line}");
    }

    /// <summary>Sends a signal to the whole process group the child leads.</summary>
    public void Signal(PosixSignalNumber signal)
    {
        if (HasExited)
        {
            return;
        }
        _ = Kill(-_process.Id, (int)signal);
    }

    /// <summary>Asks politely, then insists: the group gets <paramref name="signal"/> and, after the grace period, SIGKILL.</summary>
    public async Task StopAsync(TimeSpan grace, PosixSignalNumber signal = PosixSignalNumber.Term)
    {
        if (HasExited)
        {
            return;
        }
        Signal(signal);
        var finished = await Task.WhenAny(_exited.Task, Task.Delay(grace)) == _exited.Task;
        if (!finished)
        {
            Signal(PosixSignalNumber.Kill);
            await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

public enum PosixSignalNumber
{
    Interrupt = 2,
    Kill = 9,
    Term = 15,
}
