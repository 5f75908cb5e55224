using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Nothing leaves the platform unasked: a service talks to its own database and broker (and an OTLP
/// collector when one is configured), to nobody else. Every other HTTP(S) call a service makes goes
/// through the proxy its environment names; here that proxy is a listener of the test's own that
/// records who was called and refuses.
/// </summary>
public sealed class OutboundCallTests(StackFixture stack)
{
    [Fact]
    public async Task A_service_runs_a_message_flow_and_stops_without_calling_anyone_outside_the_platform()
    {
        using var quietProxy = RecordingProxy.Start();
        // The control: MassTransit's usage report switched on by configuration, as an operator could.
        using var controlProxy = RecordingProxy.Start();
        await using var own = new OwnInstances(stack, "outbound");
        // MassTransit reports five minutes after the bus starts, or at once on shutdown when asked to:
        // both instances ask, so that a report that would be sent is sent within the test.
        var cafe = own.Service("cafe", stack.ConnectionString("cafedb"), own.StackBroker).WithEnvironment(quietProxy.Environment)
            .WithEnvironment("Messaging__UsageTelemetry__ReportOnShutdown", "true");
        var control = own.Service("cafe", stack.ConnectionString("cafedb"), own.StackBroker, name: "cafe-control").WithEnvironment(controlProxy.Environment)
            .WithEnvironment("Messaging__UsageTelemetry__ReportOnShutdown", "true")
            .WithEnvironment("Messaging__UsageTelemetry__Enabled", "true");
        await own.StartAsync(cafe, control);
        // Healthy: connected to the broker, the bus started (which is when MassTransit schedules its report).
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        await StackFixture.EventuallyAsync(async () => await cafe.IsHealthyAsync(probe) && await control.IsHealthyAsync(probe), TimeSpan.FromSeconds(60));

        // The café publishes tomorrow's meal through this instance; it reaches the calendar over the broker.
        using var kitchen = own.Client(cafe, "cafe", subject: "keuken-noord");
        var date = new DateOnly(2031, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        using var created = await kitchen.PostAsJsonAsync("/api/cafe/menus", new
        {
            date,
            dish = "Erwtensoep met roggebrood",
            description = "Vers gekookt door de keuken van Café Noord",
            priceCents = 650,
            allergens = new[] { "celery", "gluten" },
            portions = 25,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var menuId = (await created.ReadAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var resident = stack.Anonymous();
        await StackFixture.EventuallyGetAsync(resident, $"/api/calendar/activities/{menuId}");

        await OwnInstances.StopAsync(cafe);
        await OwnInstances.StopAsync(control);

        Assert.Empty(quietProxy.Requests);
        // The proxy would have seen it: the control's report to MassTransit's maker went to it.
        Assert.Contains(controlProxy.Requests, r => r.Contains("usage-tracking.masstransit.io", StringComparison.Ordinal));
    }

    /// <summary>An HTTP proxy that writes down the first line of every request (CONNECT host:443 for https) and refuses it.</summary>
    private sealed class RecordingProxy : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<string> _requests = new();

        public IReadOnlyCollection<string> Requests => _requests;

        public IReadOnlyDictionary<string, Func<string>> Environment
        {
            get
            {
                var proxy = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
                return new Dictionary<string, Func<string>>
                {
                    ["HTTP_PROXY"] = () => proxy,
                    ["HTTPS_PROXY"] = () => proxy,
                    ["ALL_PROXY"] = () => proxy,
                    // The platform's own servers are reached directly.
                    ["NO_PROXY"] = () => "127.0.0.1,localhost",
                };
            }
        }

        public static RecordingProxy Start()
        {
            var proxy = new RecordingProxy();
            proxy._listener.Start();
            _ = proxy.AcceptAsync();
            return proxy;
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
                _ = RefuseAsync(client);
            }
        }

        private async Task RefuseAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var buffer = new byte[4096];
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    _requests.Enqueue(Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0]);
                    await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                {
                    _requests.Enqueue("(a connection that sent nothing)");
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
