using System.Net;
using Microsoft.Extensions.Options;
using WijPlatform.Notices.Webhooks;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.UnitTests.Notices;

public sealed class WebhookRulesTests
{
    private static readonly TextCatalogue Texts = new([typeof(TextCatalogue).Assembly, typeof(WebhookTargets).Assembly]);

    private static WebhookTargets Targets(bool allowLoopback = false, params string[] hosts) =>
        new(Options.Create(new WebhookOptions { AllowLoopback = allowLoopback, AllowedHosts = [.. hosts] }));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.7.7")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void Inside_addresses_are_never_public(string address) => Assert.False(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2a00:1450:4001:80b::200e")]
    public void Internet_addresses_are_public(string address) => Assert.True(WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void One_inside_address_among_public_ones_refuses_the_host()
    {
        Assert.NotNull(Targets().AddressRefusal([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5")]));
        Assert.Null(Targets().AddressRefusal([IPAddress.Parse("93.184.216.34")]));
        Assert.NotNull(Targets().AddressRefusal([]));
    }

    [Fact]
    public void Loopback_only_when_explicitly_allowed_and_private_never()
    {
        Assert.NotNull(Targets().AddressRefusal([IPAddress.Loopback]));
        Assert.Null(Targets(allowLoopback: true).AddressRefusal([IPAddress.Loopback]));
        Assert.NotNull(Targets(allowLoopback: true).AddressRefusal([IPAddress.Parse("192.168.1.1")]));
    }

    [Theory]
    [InlineData("http://93.184.216.34/hook", "https")]
    [InlineData("https://93.184.216.34/hook", "not on the list")]
    [InlineData("https://a:b@127.0.0.1/hook", "user name")]
    [InlineData("http://127.0.0.1:8080/hook", "https")]
    public async Task A_callback_is_refused_for_its_scheme_host_or_credentials(string url, string reason) =>
        Assert.Contains(reason, Texts.Render((await Targets(false, "127.0.0.1").RefusalAsync(url, CancellationToken.None))!, TextCatalogue.English), StringComparison.Ordinal);

    [Fact]
    public void A_refused_address_is_named_by_its_kind_in_Dutch_or_English_never_by_the_address()
    {
        var refusal = Targets().AddressRefusal([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5")])!;
        Assert.Equal("De host verwijst naar een privé- of gereserveerd adres, dat een callback niet mag bereiken.", Texts.Render(refusal, TextCatalogue.Dutch));
        Assert.Equal("The host resolves to a private or reserved address, which a callback may not reach.", Texts.Render(refusal, TextCatalogue.English));
        Assert.Equal("The host resolves to a loopback address, which a callback may not reach.", Texts.Render(Targets().AddressRefusal([IPAddress.Loopback])!, TextCatalogue.English));
    }

    [Fact]
    public async Task An_allow_listed_loopback_receiver_over_http_passes_only_with_the_development_setting()
    {
        Assert.NotNull(await Targets(false, "127.0.0.1").RefusalAsync("http://127.0.0.1:8080/hook", CancellationToken.None));
        Assert.Null(await Targets(true, "127.0.0.1").RefusalAsync("http://127.0.0.1:8080/hook", CancellationToken.None));
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_maximum()
    {
        var options = new WebhookOptions { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };
        Assert.Equal([30, 60, 120, 240, 300, 300], Enumerable.Range(1, 6).Select(n => options.RetryDelay(n).TotalSeconds));
    }

    [Fact]
    public void The_signature_is_HMAC_SHA256_over_timestamp_dot_body()
    {
        var expected = "v1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8.ToArray(), "1700000000.{\"a\":1}"u8.ToArray()));
        Assert.Equal(expected, WebhookSignature.Sign("s3cret", 1700000000, "{\"a\":1}"));
        Assert.NotEqual(expected, WebhookSignature.Sign("s3cret", 1700000001, "{\"a\":1}"));
    }
}
