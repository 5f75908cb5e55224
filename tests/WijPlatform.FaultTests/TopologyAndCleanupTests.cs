using System.Net.Http.Json;
using System.Text.Json;

namespace WijPlatform.FaultTests;

public sealed class TopologyAndCleanupTests
{
    [Fact]
    public async Task A_message_sent_before_its_consumer_ever_started_waits_in_a_durable_queue()
    {
        await using var stack = await FaultStack.StartAsync(startMatching: false);
        var (_, id) = await stack.RegisterQuestionAsync();
        Assert.NotNull(id);
        await FaultStack.EventuallyAsync(async () => (await FaultStack.OutboxAsync(stack.IntakeApi, "intake")).GetProperty("pending").GetInt64() == 0, TimeSpan.FromSeconds(20), "the broker confirmed the message");

        await FaultStack.RestartAsync(stack.Matching);
        await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync([id!.Value])).Count == 1, TimeSpan.FromSeconds(30), "matching, started later, receives it");
    }

    [Fact]
    public async Task Sent_outbox_rows_and_inbox_rows_are_removed_after_the_retention()
    {
        static void ShortRetention(ServiceSettings service) => service
            .WithEnvironment("Messaging__Retention", "00:00:02")
            .WithEnvironment("Messaging__CleanupInterval", "00:00:01");
        await using var stack = await FaultStack.StartAsync(ShortRetention, ShortRetention);

        var (_, id) = await stack.RegisterQuestionAsync();
        await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync([id!.Value])).Count == 1, TimeSpan.FromSeconds(30), "the message arrives");
        Assert.Equal(1, (await FaultStack.OutboxAsync(stack.IntakeApi, "intake")).GetProperty("sent").GetInt64());

        await FaultStack.EventuallyAsync(async () => (await FaultStack.OutboxAsync(stack.IntakeApi, "intake")).GetProperty("sent").GetInt64() == 0, TimeSpan.FromSeconds(20), "the sent outbox row is removed");
        await FaultStack.EventuallyAsync(async () => await stack.CountAsync("matchingdb", "SELECT count(*) FROM inbox_messages") == 0, TimeSpan.FromSeconds(20), "the inbox row is removed");
        Assert.Single(await stack.EffectsAsync([id!.Value]));
    }
}
