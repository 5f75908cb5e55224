using System.Diagnostics;
using System.Net;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// The municipality's identity provider (Keycloak, Entra ID) as an OpenID Connect authority: the
/// gateway and the services find its keys by discovery and follow its key rotation without a restart.
/// A gateway and a matching instance of the test's own trust a local provider besides the stack's issuers.
/// </summary>
public sealed class OpenIdConnectTests(StackFixture stack)
{
    private const string Path = "/api/matching/reports/active-volunteers";

    [Fact]
    public async Task Tokens_of_a_discovered_authority_are_accepted_and_its_key_rotation_is_followed_without_a_restart()
    {
        await using var provider = await LocalOpenIdProvider.StartAsync();
        var key1 = LocalOpenIdProvider.NewKey("key-1");
        var key2 = LocalOpenIdProvider.NewKey("key-2");
        provider.Publish(key1);

        await using var own = new OwnInstances(stack, "oidc");
        var trust = new Dictionary<string, Func<string>>
        {
            ["Auth__Issuers__2__Authority"] = () => provider.Authority,
            // A development authority on loopback speaks plain http; that must be said explicitly.
            ["Auth__Issuers__2__RequireHttpsMetadata"] = () => "false",
            ["Auth__MinimumKeyRefreshInterval"] = () => "00:00:02",
        };
        var matching = own.Service("matching", stack.ConnectionString("matchingdb"), OwnInstances.NoBroker).WithEnvironment(trust);
        var gateway = own.Gateway(matching).WithEnvironment(trust);
        await own.StartAsync(matching, gateway);
        using var client = new HttpClient { BaseAddress = new Uri(gateway.Url), Timeout = TimeSpan.FromSeconds(30) };

        async Task<HttpStatusCode> CallAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Path) { Headers = { Authorization = new("Bearer", token) } };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        // A coordinator signed in at the municipality: the gateway and matching both fetch the keys and accept.
        Assert.Equal(HttpStatusCode.OK, await CallAsync(provider.Token(key1, "coordinator")));
        // The stack's own issuer still works beside it.
        Assert.Equal(HttpStatusCode.OK, await CallAsync(stack.Identity.CreateToken("coordinator")));

        // A key only vouches for its own issuer: the authority's key cannot sign for the other issuer, nor the other's key for the authority.
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(provider.Token(key1, "coordinator", issuer: DevelopmentIdentity.Issuer)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(DevelopmentIdentity.CreateToken(provider.Authority, stack.Identity.IdentityProviderKey, DevelopmentIdentity.Audience, "coordinator", null, TimeSpan.FromMinutes(5))));

        // The provider rotates: key 2 replaces key 1. A token of key 2 is accepted once the keys are
        // fetched again (at most every 2 s here), without restarting anything; key 1 is refused from then on.
        provider.Publish(key2);
        var rotated = provider.Token(key2, "coordinator");
        await StackFixture.EventuallyAsync(async () => await CallAsync(rotated) == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(provider.Token(key1, "coordinator")));

        // Tokens naming keys the provider never had do not make the gateway hammer it.
        var fetchesBefore = provider.KeyFetches;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(provider.Token(LocalOpenIdProvider.NewKey($"made-up-{i}"), "coordinator")));
        }
        var allowed = 1 + (int)(clock.Elapsed.TotalSeconds / 2);
        Assert.InRange(provider.KeyFetches - fetchesBefore, 0, allowed);
    }
}
