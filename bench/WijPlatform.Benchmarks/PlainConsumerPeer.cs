using MassTransit;
using Npgsql;
using WijPlatform.Contracts;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Benchmarks;

/// <summary>
/// Figure 3's peer: a plain MassTransit consumer of the same message on the same broker, with the
/// same queue type (quorum) and prefetch as matching's, that writes one row per message to matching's
/// database with plain Npgsql: no inbox, no domain rules, no outbox. What matching's consumer does
/// beyond it (the inbox row that makes a redelivery harmless, the request's rules and ranking, the
/// outbox) is what the ratio measures.
/// </summary>
public sealed class PlainConsumerPeer : IAsyncDisposable
{
    /// <summary>The peer's queue; MassTransit binds an exchange of the same name to it, and only that exchange.</summary>
    public const string Queue = "bench-plain-consumer";

    public const string EffectTable = "bench_plain_requests";

    private readonly IBusControl _bus;
    private readonly NpgsqlDataSource _database;

    private PlainConsumerPeer(IBusControl bus, NpgsqlDataSource database) => (_bus, _database) = (bus, database);

    public static async Task<PlainConsumerPeer> StartAsync(RunningStack stack)
    {
        var database = NpgsqlDataSource.Create(stack.DatabaseConnectionString("matchingdb"));
        await using (var create = database.CreateCommand($"CREATE TABLE IF NOT EXISTS {EffectTable} (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var broker = stack.BrokerAddress;
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker.Host, (ushort)broker.Port, "/", host =>
            {
                host.Username(credentials[0]);
                host.Password(credentials[1]);
            });
            rabbit.ReceiveEndpoint(Queue, endpoint =>
            {
                // Not bound to VolunteerRequested's exchange: the peer gets only what is sent to it.
                endpoint.ConfigureConsumeTopology = false;
                BrokerTopology.ConfigureQueue(endpoint);
                endpoint.PrefetchCount = new MessagingOptions().PrefetchCount;
                endpoint.Consumer(() => new PlainConsumer(database));
            });
        });
        await bus.StartAsync();
        return new PlainConsumerPeer(bus, database);
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await using (var drop = _database.CreateCommand($"DROP TABLE IF EXISTS {EffectTable}"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await _database.DisposeAsync();
    }

    private sealed class PlainConsumer(NpgsqlDataSource database) : IConsumer<VolunteerRequested>
    {
        public async Task Consume(ConsumeContext<VolunteerRequested> context)
        {
            await using var insert = database.CreateCommand($"INSERT INTO {EffectTable} (id) VALUES ($1) ON CONFLICT DO NOTHING");
            insert.Parameters.Add(new NpgsqlParameter { Value = context.Message.RequestId });
            await insert.ExecuteNonQueryAsync(context.CancellationToken);
        }
    }
}
