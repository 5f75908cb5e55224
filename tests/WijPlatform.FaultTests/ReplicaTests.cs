using System.Collections.Concurrent;
using WijPlatform.Hosting;

namespace WijPlatform.FaultTests;

/// <summary>
/// Two instances of intake and of matching behind the gateway; one of each is killed (SIGKILL) while
/// the desk keeps registering questions and reading: every question the desk got a 2xx for exists
/// once and reached matching once, the other instances carry on, and reads through the gateway keep
/// answering (the gateway tries a read once more on the other instance).
/// </summary>
public sealed class ReplicaTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_one_instance_of_intake_and_of_matching_killed_under_load_every_answered_question_has_one_effect_and_reads_keep_answering()
    {
        await using var stack = await FaultStack.StartAsync();
        var infrastructure = FaultInfrastructure.Shared;
        var secondIntake = infrastructure.Resource("intake-2");
        var secondMatching = infrastructure.Resource("matching-2");
        var gateway = infrastructure.Resource("gateway");
        try
        {
            await Task.WhenAll(FaultStack.RestartAsync(secondIntake), FaultStack.RestartAsync(secondMatching));
            await FaultStack.RestartAsync(gateway);
            var identity = DevelopmentIdentity.ForState(infrastructure.StateDirectory);
            using var desk = Client(infrastructure.UrlOf("gateway"), identity.CreateToken("desk", new Dictionary<string, string> { ["name"] = "Baliemedewerker Anna" }, subject: "desk-anna"));
            // The questions are from 9718, Groningen Oud-West: that team's professional reads them.
            using var professional = Client(infrastructure.UrlOf("gateway"), identity.CreateToken("professional", new Dictionary<string, string> { ["name"] = "Wijkwerker Sanne", ["team"] = "Groningen Oud-West" }, subject: "pro-sanne"));
            using var coordinator = Client(infrastructure.UrlOf("gateway"), identity.CreateToken("coordinator", new Dictionary<string, string> { ["name"] = "Coördinator Els" }, subject: "coordinator-els"));

            var writes = new ConcurrentBag<(DateTime At, int Status, Guid? Id)>();
            var reads = new ConcurrentBag<(DateTime At, int Status)>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 3).Select(_ => WriteLoopAsync(desk, writes, stop.Token))
                .Concat(Enumerable.Range(0, 2).SelectMany(_ => new[]
                {
                    ReadLoopAsync(professional, "/api/intake/help-requests?pageSize=5", reads, stop.Token),
                    ReadLoopAsync(coordinator, "/api/matching/requests?pageSize=5", reads, stop.Token),
                }))
                .ToList();

            await FaultStack.EventuallyAsync(() => Task.FromResult(writes.Count(w => w.Id is not null) >= 20), TimeSpan.FromSeconds(60), "20 questions answered before the kill");
            var killing = DateTime.UtcNow;
            await Task.WhenAll(secondIntake.KillAsync(), secondMatching.KillAsync());
            var killed = DateTime.UtcNow;
            await FaultStack.EventuallyAsync(() => Task.FromResult(writes.Count(w => w.At > killed && w.Id is not null) >= 30), TimeSpan.FromSeconds(60), "30 questions answered after the kill");
            await stop.CancelAsync();
            await Task.WhenAll(load);

            output.WriteLine($"writes {writes.Count} ({writes.Count(w => w.At > killing)} after the kill, {writes.Count(w => w.Status is < 200 or > 299)} not 2xx); reads {reads.Count} ({reads.Count(r => r.At > killing)} after the kill, {reads.Count(r => r.Status != 200)} not 200)");
            var answered = writes.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToList();
            Assert.Equal(answered.Count, answered.Distinct().Count());
            Assert.Equal(answered.Count, await stack.CountAsync("intakedb", $"SELECT count(*) FROM help_requests WHERE id IN ({string.Join(",", answered.Select(id => $"'{id}'"))})"));
            // Each answered question reaches matching exactly once, the killed instance's unacknowledged messages included.
            await FaultStack.EventuallyAsync(async () => (await stack.EffectsAsync(answered)).Count == answered.Count, TimeSpan.FromSeconds(90), "every answered question in matching");
            Assert.All(await stack.EffectsAsync(answered), effect => Assert.Equal(1, effect.Value));
            // The surviving instances carry on: once the gateway noticed, every write and every read is answered.
            var settled = killed.AddSeconds(2);
            Assert.All(writes.Where(w => w.At > settled), w => Assert.InRange(w.Status, 200, 299));
            // A read that met the dying instance is asked of the other one: none fails, from the kill on.
            Assert.All(reads.Where(r => r.At > killing), r => Assert.Equal(200, r.Status));
            Assert.Contains(reads, r => r.At > killed);
        }
        finally
        {
            await Task.WhenAll(gateway.StopAsync(), secondIntake.StopAsync(), secondMatching.StopAsync());
        }
    }

    private static HttpClient Client(Uri gateway, string token) =>
        new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = new("Bearer", token) } };

    private static async Task WriteLoopAsync(HttpClient desk, ConcurrentBag<(DateTime, int, Guid?)> writes, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = DateTime.UtcNow;
            var (status, id) = await FaultStack.RegisterQuestionAsync(desk);
            writes.Add((at, status, id));
        }
    }

    private static async Task ReadLoopAsync(HttpClient caller, string path, ConcurrentBag<(DateTime, int)> reads, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var at = DateTime.UtcNow;
            try
            {
                using var response = await caller.GetAsync(path, CancellationToken.None);
                reads.Add((at, (int)response.StatusCode));
            }
            catch (HttpRequestException)
            {
                reads.Add((at, 0));
            }
        }
    }
}
