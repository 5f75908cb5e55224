using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WijPlatform.Hosting.Reporting;

namespace WijPlatform.IntegrationTests;

/// <summary>
/// One help request is one trace from the gateway through intake, RabbitMQ and matching, as the
/// Aspire dashboard shows it. The test reads the dashboard's own telemetry API: what a developer
/// or operator sees there is what is asserted, with no collector of the test's in between.
/// </summary>
public sealed class TraceTests(StackFixture stack)
{
    [Fact]
    public async Task A_help_request_for_a_volunteer_is_one_trace_from_the_gateway_through_intake_and_RabbitMQ_to_matching()
    {
        // The desk's app starts the trace; everything the request causes must continue it.
        var traceId = ActivityTraceId.CreateRandom();
        // The AppHost runs in this process and traces its own HTTP calls: this client must not put a
        // traceparent of its own in place of the desk's.
        using var desk = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = stack.Host.GatewayUrl,
            DefaultRequestHeaders = { Authorization = new("Bearer", stack.Identity.CreateToken("desk")) },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/help-requests")
        {
            Content = JsonContent.Create(new
            {
                channel = "desk",
                domains = new[] { "eenzaamheid" },
                description = "Meneer zoekt iemand om samen boodschappen te doen.",
                postcode = "9716 AB",
                volunteerTalent = "walk",
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await desk.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var dashboard = new Uri(stack.App.Services.GetRequiredService<DashboardAddress>().Url!);
        using var telemetry = new HttpClient { BaseAddress = dashboard };
        // Under Aspire.Hosting.Testing the dashboard's API asks for the key the AppHost gave it.
        if (stack.App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"] is { Length: > 0 } key)
        {
            telemetry.DefaultRequestHeaders.Add("x-api-key", key);
        }
        List<(string Service, string Name, int Kind)> spans = [];
        var status = HttpStatusCode.OK;
        try
        {
            await StackFixture.EventuallyAsync(async () =>
            {
                using var answer = await telemetry.GetAsync($"/api/telemetry/traces/{traceId}");
                status = answer.StatusCode;
                spans = answer.IsSuccessStatusCode ? SpansOf(await answer.Content.ReadFromJsonAsync<JsonElement>()) : [];
                // Each service sends its spans in its own batches: wait for the last of them.
                return Expected.All(e => spans.Any(s => s.Service == e.Service && s.Kind == e.Kind));
            }, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var seen = await telemetry.GetStringAsync("/api/telemetry/resources");
            Assert.Fail($"trace {traceId} on {dashboard} ({status}) lacks one of {string.Join(", ", Expected)}; it has: {string.Join("; ", spans.Select(s => $"{s.Service} {s.Name} ({s.Kind})"))}; the dashboard has telemetry of: {seen}");
        }
        Assert.All(Expected, e => Assert.Contains(spans, s => s.Service == e.Service && s.Kind == e.Kind));
    }

    /// <summary>The request at the gateway and at intake, intake publishing the message, matching consuming it.</summary>
    private static readonly (string Service, int Kind)[] Expected =
        [("gateway", SpanKindServer), ("intake", SpanKindServer), ("intake", SpanKindProducer), ("matching", SpanKindConsumer)];

    private const int SpanKindServer = 2;
    private const int SpanKindProducer = 4;
    private const int SpanKindConsumer = 5;

    /// <summary>Each span of an OTLP JSON document with the service that recorded it.</summary>
    private static List<(string Service, string Name, int Kind)> SpansOf(JsonElement answer)
    {
        var spans = new List<(string, string, int)>();
        foreach (var resource in answer.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                .FirstOrDefault() ?? "";
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add((service, span.GetProperty("name").GetString() ?? "", span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0));
                }
            }
        }
        return spans;
    }
}
