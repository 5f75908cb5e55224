using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WijPlatform.IntegrationTests.Notices;

/// <summary>
/// A partner's system as the platform calls it: an HTTP endpoint on a free port of the test's own
/// that answers 500 to its first <c>failures</c> calls and 200 after, and keeps every call it got.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failures) => (_app, _failuresLeft) = (app, failures);

    public string Url { get; private set; } = "";

    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>One call; <paramref name="Ticks"/> from the monotonic stopwatch, so a step of the wall clock cannot skew the gaps between calls.</summary>
    public sealed record Call(long Ticks, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Answered);

    public static async Task<WebhookReceiver> StartAsync(int failures)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), failures);
        receiver._app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref receiver._failuresLeft) >= 0 ? 500 : 200;
            receiver.Calls.Enqueue(new Call(System.Diagnostics.Stopwatch.GetTimestamp(), request.Path + request.QueryString, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body, status));
            return Results.StatusCode(status);
        });
        await receiver._app.StartAsync();
        receiver.Url = $"{receiver._app.Urls.Single().TrimEnd('/')}/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
