using Npgsql;
using NpgsqlTypes;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 2: registering a help request that asks for a volunteer, through the gateway (validation,
/// two inserts and an outbox row in one transaction, a message to matching afterwards), against the
/// physical limit: the same help_requests row inserted through Npgsql, one transaction per row, in
/// the same run. Maximum rate in a closed loop, p50/p99 at a fixed rate in an open loop.
/// </summary>
public static class WritePathBenchmark
{
    private const string Group = "2 write path";

    public static async Task<FigureSet> RunAsync(RunningStack stack, BenchOptions options)
    {
        using var gateway = BenchHttp.Create(stack.UrlOf("gateway"), stack.AdminToken);
        await using var database = NpgsqlDataSource.Create(stack.DatabaseConnectionString("intakedb"));
        var template = await HelpRequests.RegisterAsync(gateway, withVolunteer: true) ?? throw new InvalidOperationException("Registering a help request failed.");
        var row = await ReadRowAsync(database, template);

        async Task<string?> ThroughGateway() => (await HelpRequests.TryRegisterAsync(gateway, withVolunteer: true)).Failure;
        async Task<string?> PlainInsert()
        {
            await using var insert = database.CreateCommand(
                """
                INSERT INTO help_requests (id, channel, domains, urgency, postcode, description, talent, status, created_at, neighbourhood)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            foreach (var value in row)
            {
                insert.Parameters.Add(value is string[] array ? new NpgsqlParameter { Value = array, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } : new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            return await insert.ExecuteNonQueryAsync() == 1 ? null : "not inserted";
        }

        Console.WriteLine("  write path: warm-up");
        await Load.ClosedLoopAsync(ThroughGateway, options.Concurrency, TimeSpan.FromSeconds(2));
        await Load.ClosedLoopAsync(PlainInsert, options.Concurrency, TimeSpan.FromSeconds(2));
        await Settle.MessagesAsync(stack);

        var runs = new List<(LoadResult MaxGateway, LoadResult MaxInsert, LoadResult AtGateway, LoadResult AtInsert)>();
        for (var run = 0; run < options.Runs; run++)
        {
            var maxGateway = await Load.ClosedLoopAsync(ThroughGateway, options.Concurrency, options.Phase);
            var maxInsert = await Load.ClosedLoopAsync(PlainInsert, options.Concurrency, options.Phase);
            // The messages of the maximum-rate phase are consumed before latency is measured.
            await Settle.MessagesAsync(stack);
            var atGateway = await Load.OpenLoopAsync(ThroughGateway, options.WriteRate, options.Phase);
            var atInsert = await Load.OpenLoopAsync(PlainInsert, options.WriteRate, options.Phase);
            runs.Add((maxGateway, maxInsert, atGateway, atInsert));
            Console.WriteLine($"  write path, run {run + 1}: {maxGateway.Throughput:0} vs {maxInsert.Throughput:0} req/s; at {options.WriteRate}/s p99 {atGateway.P99:0.0} vs {atInsert.P99:0.0} ms");
            await Settle.MessagesAsync(stack);
        }

        var rate = options.WriteRate;
        var figures = new List<Figure>
        {
            Figure.Median(Group, "register help request via gateway: max rate", "req/s", runs.Select(r => r.MaxGateway.Throughput)),
            Figure.Median(Group, "plain Npgsql insert of the same row: max rate", "rows/s", runs.Select(r => r.MaxInsert.Throughput)),
            Figure.Median(Group, "max rate ratio gateway / plain insert", "×", runs.Select(r => r.MaxGateway.Throughput / r.MaxInsert.Throughput)),
            Figure.Median(Group, $"register via gateway: achieved rate at {rate}/s", "req/s", runs.Select(r => r.AtGateway.Throughput)),
            Figure.Median(Group, $"register via gateway: p50 at {rate}/s", "ms", runs.Select(r => r.AtGateway.P50)),
            Figure.Median(Group, $"register via gateway: p99 at {rate}/s", "ms", runs.Select(r => r.AtGateway.P99)),
            Figure.Median(Group, $"plain insert: p50 at {rate}/s", "ms", runs.Select(r => r.AtInsert.P50)),
            Figure.Median(Group, $"plain insert: p99 at {rate}/s", "ms", runs.Select(r => r.AtInsert.P99)),
            Figure.Median(Group, $"p99 ratio gateway / plain insert at {rate}/s", "×", runs.Select(r => r.AtGateway.P99 / r.AtInsert.P99)),
        };
        var phases = runs.SelectMany(r => new[] { r.MaxGateway, r.AtGateway, r.MaxInsert, r.AtInsert }).ToList();
        if (phases.Sum(p => p.Failed) is var failed and > 0)
        {
            figures.Add(new Figure(Group, $"writes that failed, all runs ({Load.Reasons(phases)})", failed, "calls"));
        }
        double M(int i) => figures[i].Value;
        string[] series = ["via gateway", "plain insert"];
        var panels = new List<Panel>
        {
            new("Maximum rate (closed loop)", "per second", ["help request"], series, [[M(0), M(1)]]),
            new($"Latency at {rate} per second (open loop)", "ms", ["p50", "p99"], series, [[M(4), M(6)], [M(5), M(7)]]),
        };
        return new FigureSet("write", "2. Write path: register a help request, against a plain insert", figures, panels);
    }

    /// <summary>The columns of the row the service wrote, to insert the same row again.</summary>
    private static async Task<object?[]> ReadRowAsync(NpgsqlDataSource database, Guid id)
    {
        await using var select = database.CreateCommand("SELECT channel, domains, urgency, postcode, description, talent, status, neighbourhood FROM help_requests WHERE id = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await select.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
    }
}
