using System.Net;
using System.Net.Http.Json;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>A revoked key stops working at once, and so does any token the gateway ever made for it.</summary>
public sealed class PartnerKeyRevocationTests(StackFixture stack)
{
    [Fact]
    public async Task A_revoked_keys_gateway_token_is_refused_at_once()
    {
        var organisation = $"Thuiszorg {Guid.NewGuid():N}"[..22];
        var (partner, keyId, _) = await stack.PartnerAsync(organisation);
        var signal = new { partner = organisation, postcode = "9712 HW", houseNumber = "3", concern = "Meneer doet de deur niet meer open." };
        var submitted = await partner.PostAsJsonAsync("/api/intake/signals", signal);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var signalPath = submitted.Headers.Location!.ToString();

        // A token exactly as the gateway issues for this key, as someone who caught one between the gateway and a service holds it.
        var gatewayToken = DevelopmentIdentity.CreateToken(DevelopmentIdentity.GatewayIssuer, stack.Identity.GatewayKey, DevelopmentIdentity.Audience, "partner",
            new Dictionary<string, string> { ["name"] = organisation, ["partner_org"] = organisation }, TimeSpan.FromMinutes(5), subject: $"apikey:{keyId:N}");
        using var withToken = stack.Anonymous();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", gatewayToken);

        Assert.Equal(HttpStatusCode.NoContent, (await stack.Gateway.DeleteAsync($"/api/gateway/api-keys/{keyId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync(signalPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withToken.GetAsync(signalPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withToken.PostAsJsonAsync("/api/intake/signals", signal)).StatusCode);
    }
}
