using System.Net.Http.Json;
using Aspire.Hosting;

namespace WijPlatform.FaultTests;

/// <summary>A process dies at the worst moment; the message is delivered again and has its effect once.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task A_consumer_killed_between_commit_and_acknowledgement_gets_the_message_again_and_the_inbox_suppresses_it()
    {
        var marker = Path.Combine(Path.GetTempPath(), "wij-fault-marker-" + Guid.NewGuid().ToString("N"));
        await using var stack = await FaultStack.StartAsync(configureMatching: matching => matching
            .WithEnvironment("WIJ_FAULT", "consumer-after-commit")
            .WithEnvironment("WIJ_FAULT_MARKER", marker));

        var (_, id) = await stack.RegisterQuestionAsync();
        Assert.NotNull(id);
        await FaultStack.EventuallyAsync(() => Task.FromResult(File.Exists(marker)), TimeSpan.FromSeconds(30), "matching crashes after its commit");
        await stack.Matching.KillAsync();
        await FaultStack.RestartAsync(stack.Matching);

        await FaultStack.EventuallyAsync(async () => (await FaultStack.OutboxAsync(stack.MatchingApi, "matching")).GetProperty("duplicatesSuppressed").GetInt64() == 1, TimeSpan.FromSeconds(30), "the redelivered message is suppressed by the inbox");
        Assert.Equal(1, (await stack.EffectsAsync([id!.Value]))[id.Value]);
        File.Delete(marker);
    }

    [Fact]
    public async Task A_relay_killed_after_publishing_but_before_marking_sent_publishes_again_and_the_inbox_suppresses_the_duplicate()
    {
        var marker = Path.Combine(Path.GetTempPath(), "wij-fault-marker-" + Guid.NewGuid().ToString("N"));
        await using var stack = await FaultStack.StartAsync(configureIntake: intake => intake
            .WithEnvironment("WIJ_FAULT", "relay-after-publish")
            .WithEnvironment("WIJ_FAULT_MARKER", marker));

        var (_, id) = await stack.RegisterQuestionAsync();
        Assert.NotNull(id);
        await FaultStack.EventuallyAsync(() => Task.FromResult(File.Exists(marker)), TimeSpan.FromSeconds(30), "intake's relay crashes after publishing");
        await stack.Intake.KillAsync();
        await FaultStack.RestartAsync(stack.Intake);

        await FaultStack.EventuallyAsync(async () => (await FaultStack.OutboxAsync(stack.MatchingApi, "matching")).GetProperty("duplicatesSuppressed").GetInt64() == 1, TimeSpan.FromSeconds(30), "the re-published message is suppressed by the inbox");
        await FaultStack.EventuallyAsync(async () => (await FaultStack.OutboxAsync(stack.IntakeApi, "intake")).GetProperty("pending").GetInt64() == 0, TimeSpan.FromSeconds(10), "the outbox is empty");
        Assert.Equal(1, (await stack.EffectsAsync([id!.Value]))[id.Value]);
        File.Delete(marker);
    }
}

/// <summary>A message that crashes its process on every delivery is set aside after the delivery limit.</summary>
public sealed class CrashLoopTests
{
    [Fact]
    public async Task A_message_that_crashes_the_consumer_every_time_ends_in_the_error_queue_after_the_delivery_limit()
    {
        await using var stack = await FaultStack.StartAsync(configureMatching: matching => matching
            .WithEnvironment("WIJ_FAULT", "consumer-crash-loop")
            .WithEnvironment("Messaging__DeliveryLimit", "3"));

        var (_, id) = await stack.RegisterQuestionAsync();
        Assert.NotNull(id);
        var restarts = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"not set aside after {restarts} restarts");
            if (stack.Matching.HasExited)
            {
                // It crashed on the message, as a bad deployment would; an orchestrator starts it again.
                restarts++;
                try
                {
                    await FaultStack.RestartAsync(stack.Matching);
                }
                catch (Exception ex) when (ex is InvalidOperationException or DistributedApplicationException)
                {
                    // It crashed again before it was healthy; the next round sees it gone.
                }
                continue;
            }
            if (await ErrorsAsync(stack) is { } errors && errors.GetArrayLength() == 1)
            {
                Assert.Contains("Delivery limit", errors[0].GetProperty("reason").GetString());
                break;
            }
            await Task.Delay(200);
        }
        Assert.InRange(restarts, 3, 4);
        Assert.Empty(await stack.EffectsAsync([id!.Value]));
    }

    /// <summary>The error queue, or null when matching crashed again between the health probe and this call.</summary>
    private static async Task<System.Text.Json.JsonElement?> ErrorsAsync(FaultStack stack)
    {
        try
        {
            return await stack.MatchingApi.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/matching/admin/messaging/errors");
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
