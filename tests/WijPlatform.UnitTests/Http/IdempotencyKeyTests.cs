using System.Text;
using WijPlatform.ServiceDefaults.Hosting;
using WijPlatform.ServiceDefaults.Http;

namespace WijPlatform.UnitTests.Http;

public sealed class IdempotencyKeyTests
{
    private static byte[] Hash(string body, string contentType = "application/json; charset=utf-8") =>
        IdempotencyKey.HashBody(contentType, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void The_same_json_in_another_order_or_layout_is_the_same_request()
    {
        var compact = Hash("""{"postcode":"9712 HW","residentId":null,"domains":["eenzaamheid","wonen"],"who":{"b":1,"a":"Zoë"}}""");
        var reordered = Hash("""
            {
              "who": { "a": "Zo\u00eb", "b": 1 },
              "domains": [ "eenzaamheid", "wonen" ],
              "residentId": null,
              "postcode": "9712 HW"
            }
            """);
        Assert.Equal(compact, reordered);
        Assert.Equal(32, compact.Length);
    }

    [Theory]
    [InlineData("""{"postcode":"9712 HX"}""")]
    [InlineData("""{"postcode":"9712 HW","extra":null}""")]
    [InlineData("""{"Postcode":"9712 HW"}""")]
    [InlineData("""["9712 HW"]""")]
    public void Another_value_name_or_shape_is_another_request(string other) =>
        Assert.NotEqual(Hash("""{"postcode":"9712 HW"}"""), Hash(other));

    [Fact]
    public void Array_order_counts_and_a_body_that_is_not_json_is_hashed_as_its_bytes()
    {
        Assert.NotEqual(Hash("""{"domains":["a","b"]}"""), Hash("""{"domains":["b","a"]}"""));
        Assert.Equal(Hash("{not json", "application/json"), Hash("{not json", "text/plain"));
        Assert.NotEqual(Hash("""{"a":1}""", "text/plain"), Hash("""{ "a": 1 }""", "text/plain"));
        Assert.Equal(Hash(""), Hash("", "text/plain"));
    }

    [Theory]
    [InlineData("3f2c9a4e-8b1d-4c55-9a0e-1b2c3d4e5f60", true)]
    [InlineData("signal-2026-11-30-0001", true)]
    [InlineData("", false)]
    [InlineData("met spatie", false)]
    [InlineData("sleutel-ë", false)]
    public void A_key_is_1_to_255_visible_ascii_characters(string key, bool valid)
    {
        Assert.Equal(valid, IdempotencyKey.IsValid(key));
        Assert.False(IdempotencyKey.IsValid(new string('k', 256)));
        Assert.True(IdempotencyKey.IsValid(new string('k', 255)));
    }

    [Theory]
    [InlineData("POST", true)]
    [InlineData("put", true)]
    [InlineData("PATCH", true)]
    [InlineData("DELETE", true)]
    [InlineData("GET", false)]
    [InlineData("HEAD", false)]
    public void Only_writes_take_a_key(string method, bool applies) => Assert.Equal(applies, IdempotencyKey.AppliesTo(method));

    [Fact]
    public void A_job_has_the_same_lease_on_every_instance_and_jobs_have_different_ones()
    {
        Assert.Equal(JobLeases.LockId("WijPlatform.Matching.Messaging.UnmatchedRequestsMonitor"), JobLeases.LockId("WijPlatform.Matching.Messaging.UnmatchedRequestsMonitor"));
        Assert.NotEqual(JobLeases.LockId("WijPlatform.Matching.Messaging.UnmatchedRequestsMonitor"), JobLeases.LockId("WijPlatform.Matching.Messaging.VogExpiryWatch"));
    }
}
