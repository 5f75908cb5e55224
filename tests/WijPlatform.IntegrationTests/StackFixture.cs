using System.Net.Http.Json;
using WijPlatform.IntegrationTests;

[assembly: AssemblyFixture(typeof(StackFixture))]

namespace WijPlatform.IntegrationTests;

/// <summary>One stack (PostgreSQL, RabbitMQ, four services, gateway) for the whole test run.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    private AppHostProcess? _host;

    public AppHostProcess Host => _host ?? throw new InvalidOperationException("The stack is not started.");

    public HttpClient Gateway { get; private set; } = new();

    public async ValueTask InitializeAsync()
    {
        _host = AppHostProcess.Start();
        await _host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        Gateway = new HttpClient { BaseAddress = _host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Direct(string service) => new() { BaseAddress = Host.UrlOf(service), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Polls until <paramref name="condition"/> holds, for effects that travel over the broker.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected effect did not appear in time.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Polls a URL until it answers 200, and returns the body.</summary>
    public static async Task<System.Text.Json.JsonElement> EventuallyGetAsync(HttpClient client, string path, TimeSpan? timeout = null)
    {
        System.Text.Json.JsonElement body = default;
        await EventuallyAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            body = await response.ReadAsync<System.Text.Json.JsonElement>();
            return true;
        }, timeout);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>();
        return value ?? throw new InvalidOperationException("Empty response body.");
    }
}
