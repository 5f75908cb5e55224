using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.UnitTests.Security;

public sealed class AuditSignerTests
{
    private static readonly AuditSigner Signer = new(Options.Create(new AuditOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));

    private static readonly AuditEntry Entry = new(
        "piet", "Baliemedewerker Piet", "desk", "resident:7", "read", "resident", "42",
        [Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7")],
        "GET /api/intake/residents/{id}", "10.0.0.1 via 127.0.0.1") { Outcome = "200" };

    private static AuditLine Signed() => Signer.Stamp(Entry, new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567));

    [Fact]
    public void A_line_is_stamped_to_the_microsecond_PostgreSQL_keeps_and_its_signature_holds()
    {
        var line = Signed();
        Assert.Equal(0, line.At.Ticks % 10);
        Assert.True(Signer.Verifies(line));
    }

    public static TheoryData<string> Alterations => ["actor", "name", "name-null", "role", "behalf", "action", "type", "record", "residents-order", "resident-added", "endpoint", "address", "outcome", "time", "shifted"];

    [Theory]
    [MemberData(nameof(Alterations))]
    public void Any_change_to_a_signed_line_breaks_its_signature(string alteration)
    {
        var line = Signed();
        var altered = alteration switch
        {
            "actor" => line with { Actor = "kees" },
            "name" => line with { ActorName = "Iemand anders" },
            "name-null" => line with { ActorName = null },
            "role" => line with { Role = "professional" },
            "behalf" => line with { OnBehalfOf = "" },
            "action" => line with { Action = "change" },
            "type" => line with { RecordType = "case" },
            "record" => line with { RecordId = "43" },
            "residents-order" => line with { ResidentIds = [.. line.ResidentIds.Reverse()] },
            "resident-added" => line with { ResidentIds = [.. line.ResidentIds, Guid.NewGuid()] },
            "endpoint" => line with { Endpoint = "GET /api/intake/residents" },
            "address" => line with { ClientAddress = null },
            "outcome" => line with { Outcome = "403" },
            "time" => line with { At = line.At.AddTicks(10) },
            // The same characters, one moved from one field into the next.
            "shifted" => line with { Actor = "pie", ActorName = "tBaliemedewerker Piet" },
            _ => throw new ArgumentOutOfRangeException(nameof(alteration)),
        };
        Assert.False(Signer.Verifies(altered));
    }

    [Fact]
    public void Another_key_does_not_vouch_for_the_line_and_without_a_key_nothing_is_signed()
    {
        var other = new AuditSigner(Options.Create(new AuditOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
        Assert.False(other.Verifies(Signed()));

        var none = new AuditSigner(Options.Create(new AuditOptions()));
        Assert.False(none.Enabled);
        Assert.Null(none.Stamp(Entry, DateTime.UtcNow).Mac);
        Assert.Throws<InvalidOperationException>(() => new AuditSigner(Options.Create(new AuditOptions { SigningKey = Convert.ToBase64String(new byte[16]) })));
    }

    [Fact]
    public void An_anchor_is_signed_over_everything_it_says()
    {
        var anchor = new AuditAnchor("Intake", 120, 131, "ab12", 1, "2026-12-01T09:30:00.0000000Z", "");
        var mac = Signer.Sign(anchor.Payload)!;
        Assert.True(Signer.Verifies(anchor.Payload, mac));
        Assert.False(Signer.Verifies((anchor with { Seal = 119 }).Payload, mac));
        Assert.False(Signer.Verifies((anchor with { Hash = "ab13" }).Payload, mac));
        Assert.False(Signer.Verifies((anchor with { Service = "Cafe" }).Payload, mac));
    }
}

public sealed class IssuerKeysTests
{
    private static IssuerKeys Keys(params TrustedIssuer[] issuers) =>
        new(new SecurityOptions { Issuers = [.. issuers] }, NullLoggerFactory.Instance, TimeProvider.System);

    [Fact]
    public void An_authority_on_plain_http_is_refused_unless_configured_for_development()
    {
        Assert.Throws<InvalidOperationException>(() => Keys(new TrustedIssuer { Authority = "http://127.0.0.1:8080/realms/wijk" }));
        Assert.Throws<InvalidOperationException>(() => Keys(new TrustedIssuer { Authority = "login.gemeente.nl" }));
        var development = Keys(new TrustedIssuer { Authority = "http://127.0.0.1:8080/realms/wijk/", RequireHttpsMetadata = false });
        // Without a name the authority's address is its issuer, as Keycloak and Entra ID write it.
        Assert.Equal(["http://127.0.0.1:8080/realms/wijk"], development.Issuers);
        Assert.True(development.Discovers);
    }

    [Fact]
    public void A_fixed_key_vouches_only_for_its_own_issuer()
    {
        var keys = Keys(
            new TrustedIssuer { Name = "https://login.gemeente.nl", SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            new TrustedIssuer { Name = "https://sso.gemeente.nl", Authority = "https://sso.gemeente.nl" });
        Assert.True(keys.Discovers);
        Assert.Single(keys.For("https://login.gemeente.nl", null));
        Assert.Empty(keys.For("https://sso.gemeente.nl", "any"));
        Assert.Empty(keys.For("https://elders.example", null));
    }
}
