using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Npgsql;
using RabbitMQ.Client;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 3, the message path on the real stack: end-to-end latency (HTTP request sent to intake to
/// the effect committed at matching) and outbox lag (commit to broker confirm) at a fixed request rate,
/// and the sustained rate through one consumer with its inbox.
/// </summary>
public static class MessagingBenchmark
{
    private const string Group = "3 message path";

    public static async Task<FigureSet> RunAsync(RunningStack stack, BenchOptions options)
    {
        using var intake = BenchHttp.Create(stack.UrlOf("intake"), stack.AdminToken);
        var rate = options.MessageRate;
        // A fresh stack compiles its hot paths while it serves (tiered JIT), which takes about half a
        // minute of load on two cores; measured before that, the figure would be the JIT's. Half the
        // rate first, then the full rate, each twice as long as a measured phase.
        Console.WriteLine("  message path: warm-up");
        await SendAsync(intake, Math.Max(1, rate / 2), options.MessagePhase * 2);
        await Settle.MessagesAsync(stack);
        await SendAsync(intake, rate, options.MessagePhase * 2);
        await Settle.MessagesAsync(stack);

        await using var peer = await PlainConsumerPeer.StartAsync(stack);
        var runs = new List<(double LagP50, double LagP99, double P50, double P99, double HttpP99, LoadResult Http, long Missing, double Consumer, double Plain)>();
        for (var run = 0; run < options.Runs; run++)
        {
            var (sentAt, http) = await SendAsync(intake, rate, options.MessagePhase);
            var ids = sentAt.Keys.ToList();
            var missing = ids.Count - await WaitForEffectsAsync(stack, ids, "volunteer_requests");
            var lag = await QueryDoublesAsync(stack.DatabaseConnectionString("intakedb"),
                "SELECT extract(epoch FROM sent_at - created_at) * 1000 FROM outbox_messages WHERE (body->>'requestId')::uuid = ANY($1)", ids);
            var effectAt = await QueryTimesAsync(stack.DatabaseConnectionString("matchingdb"), "SELECT id, created_at FROM volunteer_requests WHERE id = ANY($1)", ids);
            var endToEnd = effectAt.Select(e => (e.Value - sentAt[e.Key]).TotalMilliseconds).ToList();
            await Settle.MessagesAsync(stack);
            // Ours and the plain peer, one after the other, alternating which goes first.
            Task<double> Ours() => ConsumerRateAsync(stack, options.Burst, OurExchange, "volunteer_requests");
            Task<double> Plain() => ConsumerRateAsync(stack, options.Burst, PlainConsumerPeer.Queue, PlainConsumerPeer.EffectTable);
            double consumer, plain;
            if (run % 2 == 0)
            {
                consumer = await Ours();
                plain = await Plain();
            }
            else
            {
                plain = await Plain();
                consumer = await Ours();
            }
            runs.Add((Statistics.Percentile(lag, 50), Statistics.Percentile(lag, 99), Statistics.Percentile(endToEnd, 50), Statistics.Percentile(endToEnd, 99), http.P99, http, missing, consumer, plain));
            Console.WriteLine($"  message path, run {run + 1}: end-to-end p50 {runs[^1].P50:0} ms, p99 {runs[^1].P99:0} ms; consumer {consumer:0} msg/s, plain MassTransit consumer {plain:0} msg/s");
        }

        var figures = new List<Figure>
        {
            Figure.Median(Group, $"end-to-end p50 at {rate}/s (HTTP request sent to intake → committed at matching)", "ms", runs.Select(r => r.P50)),
            Figure.Median(Group, $"end-to-end p99 at {rate}/s", "ms", runs.Select(r => r.P99)),
            Figure.Median(Group, $"outbox lag p50 at {rate}/s (commit → broker confirm)", "ms", runs.Select(r => r.LagP50)),
            Figure.Median(Group, $"outbox lag p99 at {rate}/s", "ms", runs.Select(r => r.LagP99)),
            Figure.Median(Group, $"HTTP write at intake p99 at {rate}/s", "ms", runs.Select(r => r.HttpP99)),
            Figure.Median(Group, "sustained rate through one consumer with inbox (burst to the broker)", "msg/s", runs.Select(r => r.Consumer)),
            Figure.Median(Group, "sustained rate through a plain MassTransit consumer (no inbox, one plain insert)", "msg/s", runs.Select(r => r.Plain)),
            Figure.Median(Group, "consumer ratio ours / plain MassTransit consumer (target ≥ 0.5)", "×", runs.Select(r => r.Consumer / r.Plain)),
        };
        if (runs.Sum(r => r.Http.Failed) is var failed and > 0)
        {
            figures.Add(new Figure(Group, $"requests not answered 201 at {rate}/s, all runs ({Load.Reasons(runs.Select(r => r.Http))})", failed, $"of {runs.Sum(r => r.Http.Sent)}"));
        }
        if (runs.Sum(r => r.Missing) is var lost and > 0)
        {
            figures.Add(new Figure(Group, "created requests not at matching within 3 minutes, all runs", lost, "requests"));
        }
        var panels = new List<Panel>
        {
            new($"Latency at {rate} messages per second", "ms", ["end-to-end", "outbox lag"], ["p50", "p99"],
                [[figures[0].Value, figures[1].Value], [figures[2].Value, figures[3].Value]]),
            new("Sustained rate through one consumer (burst of " + options.Burst + ")", "msg/s", ["burst"], ["matching, with inbox", "plain MassTransit consumer"], [[figures[5].Value, figures[6].Value]]),
        };
        return new FigureSet("messaging", "3. Message path: intake → RabbitMQ → matching", figures, panels);
    }

    /// <summary>Help requests that ask for a volunteer, at a fixed rate (open loop); when each created one was sent (UTC, the clock PostgreSQL uses too).</summary>
    private static async Task<(Dictionary<Guid, DateTime> SentAt, LoadResult Http)> SendAsync(HttpClient intake, int rate, TimeSpan duration)
    {
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime>();
        var http = await Load.OpenLoopAsync(async () =>
        {
            var at = DateTime.UtcNow;
            var (id, failure) = await HelpRequests.TryRegisterAsync(intake, withVolunteer: true);
            if (id is { } created)
            {
                sent[created] = at;
            }
            return failure;
        }, rate, duration);
        return (new Dictionary<Guid, DateTime>(sent), http);
    }

    private static readonly string OurExchange = BrokerTopology.MessageExchange(typeof(WijPlatform.Contracts.VolunteerRequested));

    /// <summary>Publishes a burst straight to the broker (faster than any consumer) and times how fast the consumer behind <paramref name="exchange"/> writes its effects to <paramref name="table"/>.</summary>
    private static async Task<double> ConsumerRateAsync(RunningStack stack, int burst, string exchange, string table)
    {
        var ids = Enumerable.Range(0, burst).Select(_ => Guid.NewGuid()).ToList();
        var factory = new ConnectionFactory { Uri = stack.BrokerAddress };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var clock = Stopwatch.StartNew();
        foreach (var chunk in ids.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(id => channel.BasicPublishAsync(
                exchange, "", mandatory: false,
                new BasicProperties { MessageId = id.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true },
                Envelope(id)).AsTask()));
        }
        return await WaitForEffectsAsync(stack, ids, table) / clock.Elapsed.TotalSeconds;
    }

    private static readonly string[] VolunteerRequestedUrn = ["urn:message:WijPlatform.Contracts:VolunteerRequested"];

    private static byte[] Envelope(Guid id) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        messageId = id,
        messageType = VolunteerRequestedUrn,
        message = new
        {
            requestId = id,
            caseId = id,
            residentId = Guid.Empty,
            talent = "walk",
            postcode = "9718 KT",
            urgency = "normal",
            insideHome = false,
        },
    }));

    /// <summary>Waits until matching's database has every request in <paramref name="table"/>, at most 3 minutes; how many arrived.</summary>
    private static async Task<long> WaitForEffectsAsync(RunningStack stack, List<Guid> ids, string table)
    {
        await using var connection = new NpgsqlConnection(stack.DatabaseConnectionString("matchingdb"));
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE id = ANY($1)", connection) { Parameters = { new() { Value = ids.ToArray() } } };
            var arrived = (long)(await count.ExecuteScalarAsync())!;
            if (arrived >= ids.Count || DateTime.UtcNow > deadline)
            {
                return arrived;
            }
            await Task.Delay(50);
        }
    }

    private static async Task<List<double>> QueryDoublesAsync(string connectionString, string sql, List<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = ids.ToArray() } } };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<double>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }

    private static async Task<Dictionary<Guid, DateTime>> QueryTimesAsync(string connectionString, string sql, List<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = ids.ToArray() } } };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new Dictionary<Guid, DateTime>();
        while (await reader.ReadAsync())
        {
            values[reader.GetGuid(0)] = reader.GetDateTime(1);
        }
        return values;
    }
}
