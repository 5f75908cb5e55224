using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WijPlatform.Notices.Sending;

namespace WijPlatform.UnitTests.Notices;

/// <summary>
/// The production SMS sender against a gateway played by a local HTTP receiver (no real gateway is
/// reachable here): one JSON POST per message with the API key as bearer token and the notice's id as
/// reference; a refusal is an error that names neither the number nor the text.
/// </summary>
public sealed class SmsGatewaySenderTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Authorization, string Body)> _received = new();
    private WebApplication? _gateway;
    private int _answer = StatusCodes.Status202Accepted;

    private Uri Url => new($"{_gateway!.Urls.Single().TrimEnd('/')}/v1/messages");

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _gateway = builder.Build();
        _gateway.MapPost("/v1/messages", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            _received.Enqueue((request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            return Results.StatusCode(_answer);
        });
        await _gateway.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_text_message_is_posted_as_JSON_with_the_api_key_and_the_notice_as_reference()
    {
        var id = Guid.NewGuid();
        await Sender().SendAsync(new OutgoingMessage(id, "sms", "06 1234 5678", "Onderwerp", "Hoi Wim, je bezorgt donderdag ronde 2."), TestContext.Current.CancellationToken);

        var (authorization, body) = Assert.Single(_received);
        Assert.Equal("Bearer sleutel-123", authorization);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Steunpunt", json.RootElement.GetProperty("from").GetString());
        Assert.Equal("06 1234 5678", json.RootElement.GetProperty("to").GetString());
        Assert.Equal("Hoi Wim, je bezorgt donderdag ronde 2.", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(id.ToString("N"), json.RootElement.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_refusal_fails_the_send_without_the_number_or_the_text_in_the_error()
    {
        _answer = StatusCodes.Status503ServiceUnavailable;
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Sender().SendAsync(new OutgoingMessage(Guid.NewGuid(), "sms", "06 1234 5678", "Onderwerp", "Hoi Wim"), TestContext.Current.CancellationToken));
        Assert.DoesNotContain("1234", error.Message);
        Assert.DoesNotContain("Wim", error.Message);
    }

    [Theory]
    [InlineData("gateway", null, "sleutel")]
    [InlineData("gateway", "https://sms.example.nl/v1/messages", null)]
    [InlineData("pigeon", null, null)]
    public void A_gateway_without_its_address_or_key_stops_the_service_at_start(string kind, string? url, string? key)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notices:Sender:SmsKind"] = kind, ["Notices:Sender:SmsGatewayUrl"] = url, ["Notices:Sender:SmsGatewayApiKey"] = key,
        });
        builder.AddSender();
        using var services = builder.Services.BuildServiceProvider();
        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<SenderOptions>>().Value);
    }

    private SmsGatewaySender Sender()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(SmsGatewaySender.Client);
        return new SmsGatewaySender(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
            Options.Create(new SenderOptions { SmsKind = "gateway", SmsGatewayUrl = Url, SmsGatewayApiKey = "sleutel-123" }));
    }
}
