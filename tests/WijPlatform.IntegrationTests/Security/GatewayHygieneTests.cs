using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>What the gateway does for every caller: headers, CORS, body size.</summary>
public sealed class GatewayHygieneTests(StackFixture stack)
{
    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_banner()
    {
        using var response = await stack.Gateway.GetAsync("/api/matching/reports/active-volunteers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Only_configured_origins_may_call_from_a_browser()
    {
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/intake/residents");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return await stack.Anonymous().SendAsync(request);
        }
        var allowed = await PreflightAsync(StackFixture.AllowedOrigin);
        Assert.Equal(StackFixture.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var refused = await PreflightAsync("https://evil.example");
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var big = new { firstName = new string('x', 1_100_000) };
        using var response = await stack.Gateway.PostAsJsonAsync("/api/intake/residents", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_OpenAPI_document_names_the_gateway_as_its_server_not_the_service_behind_it()
    {
        using var anonymous = stack.Anonymous();
        var gateway = anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority);
        foreach (var service in Operations.Services)
        {
            using var direct = stack.Direct(service);
            var internalAddress = direct.BaseAddress!.GetLeftPart(UriPartial.Authority);
            var text = await anonymous.GetStringAsync($"/openapi/{service}.json");
            Assert.DoesNotContain(internalAddress, text);
            var servers = JsonDocument.Parse(text).RootElement.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ToList();
            Assert.Equal([gateway], servers);
        }
        // The merged reference points at the documents through the gateway too.
        var reference = await anonymous.GetStringAsync("/scalar");
        using var intake = stack.Direct("intake");
        Assert.DoesNotContain(intake.BaseAddress!.GetLeftPart(UriPartial.Authority), reference);
    }

    [Fact]
    public async Task A_service_reached_around_the_gateway_refuses_a_body_over_one_megabyte_and_sends_the_security_headers()
    {
        // The desk's own token, straight to the intake service's port.
        using var intake = stack.Direct("intake");
        using var desk = new HttpClient
        {
            BaseAddress = intake.BaseAddress,
            DefaultRequestHeaders = { Authorization = new("Bearer", stack.Identity.CreateToken("desk", subject: "desk-around")) },
        };
        using var big = await desk.PostAsJsonAsync("/api/intake/residents", new { firstName = new string('x', 1_100_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);

        using var read = await desk.GetAsync("/api/intake/residents?name=Jansen");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("nosniff", read.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", read.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", read.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(read.Headers.CacheControl?.NoStore);
        Assert.False(read.Headers.Contains("Server"));
    }

    [Fact]
    public async Task A_page_larger_than_the_maximum_is_a_400()
    {
        using var response = await stack.Gateway.GetAsync("/api/matching/volunteers?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
