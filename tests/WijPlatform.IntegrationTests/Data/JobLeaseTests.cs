using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using WijPlatform.ServiceDefaults.Hosting;

namespace WijPlatform.IntegrationTests.Data;

/// <summary>
/// A job that must run once per service (sealer, cleanups, monitors) runs on one instance at a time:
/// two instances of a service, each with its own connections to the one database, and only the holder
/// of the job's lease runs rounds; when it goes, the other takes over.
/// </summary>
public sealed class JobLeaseTests(StackFixture stack)
{
    /// <summary>A job that records which instance ran each round and whether another round was running meanwhile.</summary>
    private sealed class RecordingJob(string instance, ConcurrentQueue<string> rounds, StrongBox<int> running, StrongBox<int> overlaps, JobLeases leases)
        : TimerJob(TimeProvider.System, NullLogger.Instance, leases)
    {
        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(50);

        protected override async Task RunAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref running.Value) > 1)
            {
                Interlocked.Increment(ref overlaps.Value);
            }
            try
            {
                await Task.Delay(30, cancellationToken);
                rounds.Enqueue(instance);
            }
            finally
            {
                // Also when the instance stops in the middle of a round.
                Interlocked.Decrement(ref running.Value);
            }
        }
    }

    [Fact]
    public async Task Two_instances_of_a_service_run_a_job_one_at_a_time_and_the_other_takes_over_when_the_holder_goes()
    {
        await using var databaseA = NpgsqlDataSource.Create(stack.ConnectionString("matchingdb"));
        await using var databaseB = NpgsqlDataSource.Create(stack.ConnectionString("matchingdb"));
        var leasesA = new JobLeases(databaseA, NullLogger<JobLeases>.Instance);
        await using var leasesB = new JobLeases(databaseB, NullLogger<JobLeases>.Instance);
        var rounds = new ConcurrentQueue<string>();
        var running = new StrongBox<int>();
        var overlaps = new StrongBox<int>();
        using var a = new RecordingJob("a", rounds, running, overlaps, leasesA);
        using var b = new RecordingJob("b", rounds, running, overlaps, leasesB);

        await Task.WhenAll(a.StartAsync(CancellationToken.None), b.StartAsync(CancellationToken.None));
        await StackFixture.EventuallyAsync(() => Task.FromResult(rounds.Count >= 10));

        var holder = rounds.First();
        Assert.All(rounds, instance => Assert.Equal(holder, instance));
        Assert.Equal(0, overlaps.Value);

        // The holder stops (or dies): its connection, and with it the lease, is gone; the other carries on.
        var (stopping, stoppingLeases, standby) = holder == "a" ? (a, leasesA, "b") : (b, leasesB, "a");
        await stopping.StopAsync(CancellationToken.None);
        await stoppingLeases.DisposeAsync();
        var before = rounds.Count;
        await StackFixture.EventuallyAsync(() => Task.FromResult(rounds.Skip(before).Count(instance => instance == standby) >= 5));
        Assert.All(rounds.Skip(before), instance => Assert.Equal(standby, instance));
        Assert.Equal(0, overlaps.Value);

        await (holder == "a" ? b : a).StopAsync(CancellationToken.None);
        await leasesA.DisposeAsync();
    }
}
