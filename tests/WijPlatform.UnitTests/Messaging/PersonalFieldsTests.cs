using System.Security.Cryptography;
using System.Text.Json;
using WijPlatform.Contracts;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.UnitTests.Messaging;

public sealed class PersonalFieldsTests
{
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    private static MealDeliveryRequested Request() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Chloë van Dijk", "Kastanjelaan", "7", "3705 AB", "06-12345678", ["monday"], null, "Diabetes; sleutel bij de buren");

    [Fact]
    public void A_message_written_as_JSON_shows_none_of_its_personal_fields_and_reads_back_whole()
    {
        var fields = new PersonalFields(new FieldCipher(new Dictionary<string, byte[]> { ["a"] = OldKey }, "a"));
        var request = Request();

        var json = JsonSerializer.Serialize(request, fields.Options);

        foreach (var clear in new[] { "Chlo", "Kastanjelaan", "3705", "06-12345678", "Diabetes" })
        {
            Assert.DoesNotContain(clear, json, StringComparison.Ordinal);
        }
        Assert.Contains($"\"referralId\":\"{request.ReferralId}\"", json, StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize<MealDeliveryRequested>(json, fields.Options)!;
        Assert.Equal(request with { Weekdays = read.Weekdays }, read);
        Assert.Equal(["monday"], read.Weekdays);
    }

    [Fact]
    public void After_rotation_messages_sealed_with_the_old_key_still_open_and_new_ones_use_the_new_key()
    {
        var before = new FieldCipher(new Dictionary<string, byte[]> { ["2026a"] = OldKey }, "2026a");
        var after = new FieldCipher(new Dictionary<string, byte[]> { ["2026a"] = OldKey, ["2026b"] = NewKey }, "2026b");
        var old = before.Seal("Kastanjelaan", "street");

        Assert.Equal("Kastanjelaan", after.Open(old, "street"));
        Assert.StartsWith($"{FieldCipher.Prefix}2026b:", after.Seal("Kastanjelaan", "street"), StringComparison.Ordinal);
        var retired = new FieldCipher(new Dictionary<string, byte[]> { ["2026b"] = NewKey }, "2026b");
        Assert.Throws<CryptographicException>(() => retired.Open(old, "street"));
    }

    [Fact]
    public void A_sealed_value_opens_only_in_its_own_field_and_unchanged()
    {
        var cipher = new FieldCipher(new Dictionary<string, byte[]> { ["a"] = OldKey }, "a");
        var sealedStreet = cipher.Seal("Kastanjelaan", "street");

        Assert.ThrowsAny<CryptographicException>(() => cipher.Open(sealedStreet, "displayName"));
        var bytes = Convert.FromBase64String(sealedStreet[(FieldCipher.Prefix.Length + 2)..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open($"{FieldCipher.Prefix}a:{Convert.ToBase64String(bytes)}", "street"));
        Assert.NotEqual(sealedStreet, cipher.Seal("Kastanjelaan", "street"));
    }

    [Fact]
    public void A_value_written_before_field_encryption_is_read_as_it_is()
    {
        var fields = new PersonalFields(new FieldCipher(new Dictionary<string, byte[]> { ["a"] = OldKey }, "a"));
        var plain = JsonSerializer.Serialize(Request(), JsonSerializerOptions.Web);

        Assert.Equal("Chloë van Dijk", JsonSerializer.Deserialize<MealDeliveryRequested>(plain, fields.Options)!.DisplayName);
    }

    [Fact]
    public void Only_a_proper_key_configuration_starts()
    {
        Assert.Throws<InvalidOperationException>(() => FieldCipher.FromOptions(new MessagingOptions()));
        Assert.Throws<InvalidOperationException>(() => FieldCipher.FromOptions(new MessagingOptions { FieldKeys = { ["a"] = Convert.ToBase64String(new byte[16]) } }));
        Assert.Throws<InvalidOperationException>(() => FieldCipher.FromOptions(new MessagingOptions
        {
            FieldKeys = { ["a"] = Convert.ToBase64String(OldKey), ["b"] = Convert.ToBase64String(NewKey) },
        }));
        Assert.Equal("b", FieldCipher.FromOptions(new MessagingOptions
        {
            FieldKeys = { ["a"] = Convert.ToBase64String(OldKey), ["b"] = Convert.ToBase64String(NewKey) }, FieldKeyId = "b",
        }).CurrentKeyId);
    }

    [Fact]
    public void The_personal_fields_of_a_message_are_known_by_their_JSON_names_and_its_resident_by_id()
    {
        Assert.Equal(["displayName", "street", "houseNumber", "postcode", "phone", "remarks"], PersonalFields.Of(typeof(MealDeliveryRequested)));
        Assert.Empty(PersonalFields.Of(typeof(ResidentErasureRequested)));
        var request = Request();
        Assert.Equal(request.ResidentId, PersonalFields.ResidentOf(request));
        Assert.Null(PersonalFields.ResidentOf(new VolunteerRequested(Guid.NewGuid(), Guid.NewGuid(), Guid.Empty, "walk", "9712 HW", null, null, null, "normal", false)));
    }
}
