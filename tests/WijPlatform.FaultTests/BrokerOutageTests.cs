namespace WijPlatform.FaultTests;

/// <summary>RabbitMQ is killed (kill -9) in the middle of a stream of commands and comes back.</summary>
public sealed class BrokerOutageTests
{
    private const int Commands = 120;

    [Fact]
    public async Task With_the_outbox_every_answered_command_has_exactly_one_effect_after_the_broker_returns()
    {
        await using var stack = await FaultStack.StartAsync();
        var (answered, pendingDuringOutage) = await SendThroughOutageAsync(stack);

        Assert.Equal(Commands, answered.Count);
        Assert.True(pendingDuringOutage > 0, "messages should have waited in the outbox while the broker was down");
        await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync(answered)).Count == answered.Count, TimeSpan.FromSeconds(60), "every answered command reaches matching");
        var effects = await stack.EffectsAsync(answered);
        Assert.All(answered, id => Assert.Equal(1, effects[id]));
        var outbox = await FaultStack.OutboxAsync(stack.IntakeApi, "intake");
        Assert.Equal(0, outbox.GetProperty("pending").GetInt64());
        Assert.True(outbox.GetProperty("publishFailures").GetInt64() > 0, "at least one publish should have failed and been retried");
    }

    [Fact]
    public async Task Control_without_the_outbox_the_same_outage_loses_messages()
    {
        await using var stack = await FaultStack.StartAsync(intake => intake.WithEnvironment("Messaging__OutboxEnabled", "false"));
        var (answered, _) = await SendThroughOutageAsync(stack);

        // Give the survivors every chance to arrive before counting.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var effects = await stack.EffectsAsync(answered);
        Assert.True(effects.Count < answered.Count, $"expected a loss without the outbox, but all {answered.Count} arrived");
    }

    private static async Task<(List<Guid> Answered, long PendingDuringOutage)> SendThroughOutageAsync(FaultStack stack)
    {
        var answered = new List<Guid>();
        long pendingDuringOutage = 0;
        for (var i = 0; i < Commands; i++)
        {
            if (i == Commands / 2)
            {
                await stack.Broker.KillAsync();
            }
            if (i == Commands / 2 + 20)
            {
                if (stack.IntakeApi is { } api)
                {
                    pendingDuringOutage = (await FaultStack.OutboxAsync(api, "intake")).GetProperty("pending").GetInt64();
                }
                await Task.Delay(TimeSpan.FromSeconds(3));
                await FaultStack.RestartAsync(stack.Broker);
            }
            var (status, id) = await stack.RegisterQuestionAsync();
            Assert.True(id is not null, $"command {i} was answered {status}");
            answered.Add(id!.Value);
        }
        return (answered, pendingDuringOutage);
    }
}
