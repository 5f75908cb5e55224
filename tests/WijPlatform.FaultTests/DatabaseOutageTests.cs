using System.Net;

namespace WijPlatform.FaultTests;

/// <summary>PostgreSQL is killed under load: callers get 503 problem details, never 500, and the service recovers by itself.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task No_answered_request_is_lost_and_the_outage_is_a_503_until_the_service_recovers_without_restart()
    {
        await using var stack = await FaultStack.StartAsync();
        var answered = new List<Guid>();
        var statuses = new List<int>();
        using var load = new CancellationTokenSource();

        async Task Client()
        {
            while (!load.IsCancellationRequested)
            {
                var (status, id) = await stack.RegisterQuestionAsync();
                lock (answered)
                {
                    statuses.Add(status);
                    if (id is not null)
                    {
                        answered.Add(id.Value);
                    }
                }
            }
        }

        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(Client)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stack.Postgres.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await FaultStack.RestartAsync(stack.Postgres);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await load.CancelAsync();
        await Task.WhenAll(clients);

        Assert.DoesNotContain(500, statuses);
        Assert.Contains(503, statuses);
        Assert.Contains(201, statuses.SkipWhile(s => s != 503).SkipWhile(s => s == 503));

        // Every request that was answered 201 is still there after the crash and recovery, and reaches matching.
        foreach (var id in answered)
        {
            using var response = await stack.IntakeApi.GetAsync($"/api/intake/help-requests/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync(answered)).Count == answered.Count, TimeSpan.FromSeconds(60), "every answered request reaches matching");
    }
}
