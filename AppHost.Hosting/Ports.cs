using System.Net;
using System.Net.Sockets;

namespace WijPlatform.Hosting;

public static class Ports
{
    // Below Linux's ephemeral range (32768–60999): a port picked there for a resource started minutes
    // later was, once, in use by then as the local end of some outgoing connection.
    private const int LowestPort = 20000;
    private const int HighestPort = 32767;

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A free port outside the range the operating system gives outgoing connections, not handed out
    /// before by this process, so that nothing else takes it between now and the resource's start.
    /// </summary>
    public static int GetFree()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, HighestPort + 1);
                if (!HandedOut.Contains(port) && !IsInUse(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
