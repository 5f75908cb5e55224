using System.Net;
using System.Net.Http.Json;

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
    public async Task A_page_larger_than_the_maximum_is_a_400()
    {
        using var response = await stack.Gateway.GetAsync("/api/matching/volunteers?pageSize=5000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
