using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.FaultTests;

/// <summary>A message that keeps failing ends in the error queue while others flow; after the fix, a replay succeeds.</summary>
public sealed class PoisonMessageTests
{
    [Fact]
    public async Task A_failing_message_goes_to_the_error_queue_without_blocking_others_and_replays_after_the_fix()
    {
        await using var stack = await FaultStack.StartAsync();
        // A rule the consumer's insert breaks for one talent only: a bug that hits some messages.
        await stack.ExecuteAsync("matchingdb", "ALTER TABLE volunteer_requests ADD CONSTRAINT poison_for_test CHECK (talent <> 'knitting')");

        var (_, poison) = await stack.RegisterQuestionAsync("knitting");
        var (_, healthy) = await stack.RegisterQuestionAsync("walk");
        await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync([healthy!.Value])).Count == 1, TimeSpan.FromSeconds(30), "other messages keep flowing");

        JsonElement failed = default;
        await FaultStack.EventuallyAsync(async () =>
        {
            var errors = await stack.MatchingApi.GetFromJsonAsync<JsonElement>("/api/matching/admin/messaging/errors");
            if (errors.GetArrayLength() == 0)
            {
                return false;
            }
            failed = errors[0];
            return true;
        }, TimeSpan.FromSeconds(30), "the poison message is in the error queue");
        Assert.Equal("VolunteerRequested", failed.GetProperty("messageType").GetString());
        Assert.True(failed.GetRawText().Contains("poison_for_test", StringComparison.Ordinal), failed.GetRawText());
        Assert.Empty(await stack.EffectsAsync([poison!.Value]));

        await stack.ExecuteAsync("matchingdb", "ALTER TABLE volunteer_requests DROP CONSTRAINT poison_for_test");
        var replay = await stack.MatchingApi.PostAsync($"/api/matching/admin/messaging/errors/{failed.GetProperty("messageId").GetString()}/replay", null);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);

        await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync([poison.Value])).Count == 1, TimeSpan.FromSeconds(30), "the replayed message has its effect");
        Assert.Equal(0, (await stack.MatchingApi.GetFromJsonAsync<JsonElement>("/api/matching/admin/messaging/errors")).GetArrayLength());
    }
}
