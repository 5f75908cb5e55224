namespace WijPlatform.IntegrationTests.Security;

/// <summary>Which tokens get in, at the gateway and at a service reached around it.</summary>
public sealed class TokenTests(StackFixture stack)
{
    private const string Path = "/api/matching/reports/active-volunteers";

    private static string Token(string issuer, string key, string audience, TimeSpan lifetime, DateTime? issuedAt = null) =>
        DevelopmentIdentity.CreateToken(issuer, key, audience, "coordinator", null, lifetime, now: issuedAt);

    public static TheoryData<string> Refused => ["expired", "wrong-issuer", "wrong-audience", "bad-signature", "alg-none", "gateway-key-as-idp", "garbage"];

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_token_is_refused_with_401_by_the_gateway_and_by_the_service_itself(string kind)
    {
        var identity = stack.Identity;
        var token = kind switch
        {
            // 45 s past expiry is beyond the 30 s clock skew.
            "expired" => Token(DevelopmentIdentity.Issuer, identity.IdentityProviderKey, DevelopmentIdentity.Audience, TimeSpan.FromMinutes(5), DateTime.UtcNow.AddMinutes(-5).AddSeconds(-45)),
            "wrong-issuer" => Token("https://identity.elders.example", identity.IdentityProviderKey, DevelopmentIdentity.Audience, TimeSpan.FromHours(1)),
            "wrong-audience" => Token(DevelopmentIdentity.Issuer, identity.IdentityProviderKey, "another-platform", TimeSpan.FromHours(1)),
            "bad-signature" => Token(DevelopmentIdentity.Issuer, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), DevelopmentIdentity.Audience, TimeSpan.FromHours(1)),
            "alg-none" => Tokens.Unsigned("coordinator"),
            // The gateway's own key only vouches for the gateway's issuer.
            "gateway-key-as-idp" => Token(DevelopmentIdentity.Issuer, identity.GatewayKey, DevelopmentIdentity.Audience, TimeSpan.FromHours(1)),
            _ => "not.a.token",
        };
        foreach (var client in new[] { stack.Anonymous(), Around(stack) })
        {
            using (client)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, Path) { Headers = { Authorization = new("Bearer", token) } };
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
            }
        }
    }

    [Fact]
    public async Task A_token_that_expired_within_the_clock_skew_still_works_and_a_valid_one_works_around_the_gateway_too()
    {
        var identity = stack.Identity;
        var justExpired = Token(DevelopmentIdentity.Issuer, identity.IdentityProviderKey, DevelopmentIdentity.Audience, TimeSpan.FromMinutes(5), DateTime.UtcNow.AddMinutes(-5).AddSeconds(-10));
        using var client = stack.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, Path) { Headers = { Authorization = new("Bearer", justExpired) } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        using var direct = stack.Direct("matching");
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync(Path)).StatusCode);
        using var withoutToken = Around(stack);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withoutToken.GetAsync(Path)).StatusCode);
    }

    /// <summary>Straight to the matching service, bypassing the gateway, without credentials.</summary>
    private static HttpClient Around(StackFixture stack) => new() { BaseAddress = stack.Host.UrlOf("matching"), Timeout = TimeSpan.FromSeconds(30) };
}
