using System.Diagnostics;
using System.Globalization;
using WijPlatform.Hosting;

namespace WijPlatform.Benchmarks;

/// <summary>Figure 1's peer: the bare YARP hop (bench/WijPlatform.Benchmarks.BareProxy) in front of one service, as a process of its own.</summary>
public sealed class BareYarpHop : IAsyncDisposable
{
    private readonly Process _process;

    private BareYarpHop(Process process, Uri url) => (_process, Url) = (process, url);

    public Uri Url { get; }

    public static async Task<BareYarpHop> StartAsync(Uri destination)
    {
        var dll = Path.Combine(RepositoryRoot.Find(), "bench", "WijPlatform.Benchmarks.BareProxy", "bin", BuildConfiguration.Name, "net10.0", "WijPlatform.Benchmarks.BareProxy.dll");
        var url = new Uri($"http://127.0.0.1:{Ports.GetFree().ToString(CultureInfo.InvariantCulture)}");
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "--urls", url.ToString(), "--destination", destination.ToString() })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var hop = new BareYarpHop(Process.Start(startInfo)!, url);
        hop._process.BeginOutputReadLine();
        hop._process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                // Intake's liveness through the hop: the hop is up and forwards.
                using var response = await client.GetAsync("/alive");
                if (response.IsSuccessStatusCode)
                {
                    return hop;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (hop._process.HasExited || DateTime.UtcNow > deadline)
            {
                await hop.DisposeAsync();
                throw new InvalidOperationException($"The bare YARP hop did not start ({dll}).");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
