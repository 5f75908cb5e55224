using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using RabbitMQ.Client;

namespace WijPlatform.Benchmarks;

/// <summary>
/// The message path on the real stack: outbox lag (commit to broker confirm) and end-to-end latency
/// (HTTP request at intake to the effect committed at matching) at a fixed request rate, and the
/// sustained rate through one consumer with its inbox.
/// </summary>
public static class MessagingBenchmark
{
    public static async Task<List<Figure>> RunAsync(int rate, TimeSpan duration, int burst)
    {
        await using var stack = await RunningStack.StartAsync();
        using var intake = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = stack.UrlOf("intake"), Timeout = TimeSpan.FromSeconds(30) };
        var figures = new List<Figure>();

        await OpenLoopAsync(intake, rate, TimeSpan.FromSeconds(2)); // warm-up
        var (ids, httpLatencies, failed) = await OpenLoopAsync(intake, rate, duration);
        await WaitForEffectsAsync(stack, ids);

        var lag = await QueryDoublesAsync(stack.DatabaseConnectionString("intakedb"),
            "SELECT extract(epoch FROM sent_at - created_at) * 1000 FROM outbox_messages WHERE (body->>'requestId')::uuid = ANY($1)", ids);
        var sentAt = await QueryTimesAsync(stack.DatabaseConnectionString("intakedb"), "SELECT id, created_at FROM help_requests WHERE id = ANY($1)", ids);
        var effectAt = await QueryTimesAsync(stack.DatabaseConnectionString("matchingdb"), "SELECT id, created_at FROM volunteer_requests WHERE id = ANY($1)", ids);
        var endToEnd = ids.Select(id => (effectAt[id] - sentAt[id]).TotalMilliseconds).ToList();

        figures.Add(new("message path", $"outbox lag p50 at {rate}/s", Statistics.Percentile(lag, 50), "ms"));
        figures.Add(new("message path", $"outbox lag p99 at {rate}/s", Statistics.Percentile(lag, 99), "ms"));
        figures.Add(new("message path", $"end-to-end p50 at {rate}/s", Statistics.Percentile(endToEnd, 50), "ms"));
        figures.Add(new("message path", $"end-to-end p99 at {rate}/s", Statistics.Percentile(endToEnd, 99), "ms"));
        figures.Add(new("message path", $"HTTP write p99 at {rate}/s", Statistics.Percentile(httpLatencies, 99), "ms"));
        figures.Add(new("message path", $"requests not answered 2xx at {rate}/s", failed, "of " + (ids.Count + failed)));
        figures.Add(new("message path", "sustained rate through one consumer with inbox", await ConsumerRateAsync(stack, burst), "msg/s"));
        return figures;
    }

    /// <summary>Sends requests at a fixed rate whatever the answers' speed (open loop), so slowness shows as latency.</summary>
    private static async Task<(List<Guid> Ids, List<double> Latencies, int Failed)> OpenLoopAsync(HttpClient intake, int rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        var requests = new List<Task<(Guid? Id, double Latency)>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            requests.Add(RegisterAsync(intake));
        }
        var results = await Task.WhenAll(requests);
        var answered = results.Where(r => r.Id is not null).ToList();
        return (answered.Select(r => r.Id!.Value).ToList(), answered.Select(r => r.Latency).ToList(), results.Length - answered.Count);
    }

    private static async Task<(Guid?, double)> RegisterAsync(HttpClient intake)
    {
        var watch = Stopwatch.StartNew();
        using var response = await intake.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "desk",
            domains = new[] { "eenzaamheid" },
            description = "Zoekt iemand om mee te wandelen.",
            postcode = "9718 KT",
            volunteerTalent = "walk",
        });
        if (!response.IsSuccessStatusCode)
        {
            return (null, watch.Elapsed.TotalMilliseconds);
        }
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Publishes a burst straight to the broker (faster than any consumer) and times how fast matching takes it in.</summary>
    private static async Task<double> ConsumerRateAsync(RunningStack stack, int burst)
    {
        var ids = Enumerable.Range(0, burst).Select(_ => Guid.NewGuid()).ToList();
        var factory = new ConnectionFactory { Uri = stack.BrokerAddress };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var clock = Stopwatch.StartNew();
        foreach (var chunk in ids.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(id => channel.BasicPublishAsync(
                "WijPlatform.Contracts:VolunteerRequested", "", mandatory: false,
                new BasicProperties { MessageId = id.ToString(), ContentType = "application/vnd.masstransit+json", Persistent = true },
                Envelope(id)).AsTask()));
        }
        await WaitForEffectsAsync(stack, ids);
        return burst / clock.Elapsed.TotalSeconds;
    }

    private static byte[] Envelope(Guid id) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        messageId = id,
        messageType = new[] { "urn:message:WijPlatform.Contracts:VolunteerRequested" },
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

    private static async Task WaitForEffectsAsync(RunningStack stack, List<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(stack.DatabaseConnectionString("matchingdb"));
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM volunteer_requests WHERE id = ANY($1)", connection) { Parameters = { new() { Value = ids.ToArray() } } };
            if ((long)(await count.ExecuteScalarAsync())! >= ids.Count)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not every message reached matching within 3 minutes.");
            }
            await Task.Delay(20);
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
