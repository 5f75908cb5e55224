using System.Data;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// One database transaction in which a service changes its state and records the messages that the
/// change causes; both are committed together, and the relay publishes the messages afterwards.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IOptions<MessagingOptions> _options;
    private readonly JsonSerializerOptions _json;
    private readonly IPublishEndpoint? _directPublisher;
    private readonly OutboxSignal _signal;
    private readonly ILogger _logger;
    private readonly List<object> _unsentDirect = [];
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly QueuedWrites _writes = new();
    private bool _published;

    private UnitOfWork(NpgsqlConnection connection, NpgsqlTransaction transaction, IOptions<MessagingOptions> options, JsonSerializerOptions json, IPublishEndpoint? directPublisher, OutboxSignal signal, ILogger logger)
    {
        _connection = connection;
        _transaction = transaction;
        _options = options;
        _json = json;
        _directPublisher = directPublisher;
        _signal = signal;
        _logger = logger;
    }

    /// <summary>
    /// The transaction's connection, for reads and for writes whose result matters. Writes queued with
    /// <see cref="Write"/> are sent first, so whatever runs on it sees them.
    /// </summary>
    public NpgsqlConnection Connection
    {
        get
        {
            SendQueuedWrites();
            return _connection;
        }
    }

    public NpgsqlTransaction Transaction
    {
        get
        {
            SendQueuedWrites();
            return _transaction;
        }
    }

    /// <summary>
    /// Queues a write whose outcome nobody waits for (an insert of a new row). Queued writes travel to
    /// the database together, in order, with the commit or before the next command on
    /// <see cref="Connection"/>: one round trip for all of them instead of one each.
    /// </summary>
    public void Write(string sql, object? parameters = null) => _writes.Add(sql, parameters);

    // A read after queued writes is rare (the hot paths read first and write last); when it happens the
    // writes go synchronously, because a property cannot wait.
    private void SendQueuedWrites()
    {
        if (_writes.Take() is { } batch)
        {
            _connection.Execute(new CommandDefinition(batch.Sql, batch.Parameters, _transaction));
        }
    }

    private async Task SendQueuedWritesAsync(CancellationToken cancellationToken)
    {
        if (_writes.Take() is { } batch)
        {
            await _connection.ExecuteAsync(new CommandDefinition(batch.Sql, batch.Parameters, _transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The audit line of the HTTP request this change belongs to: written in this transaction, at commit.</summary>
    internal PendingAudit? Audit { get; set; }

    /// <summary>Stamps and signs that line.</summary>
    internal AuditTrail? AuditTrail { get; set; }

    internal static async Task<UnitOfWork> BeginAsync(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, JsonSerializerOptions json, IPublishEndpoint? directPublisher, OutboxSignal signal, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new UnitOfWork(connection, transaction, options, json, directPublisher, signal, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records a message to be published once (and only if) this transaction commits.</summary>
    public Task PublishAsync<T>(T message, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!_options.Value.OutboxEnabled)
        {
            _unsentDirect.Add(message);
            return Task.CompletedTask;
        }
        // The runtime type, so that a message held in a variable of a base type is still published as itself.
        var type = message.GetType();
        Write(
            "INSERT INTO outbox_messages (id, message_type, body, trace_parent) VALUES (@Id, @Type, @Body::jsonb, @TraceParent)",
            new { Id = NewId.NextGuid(), Type = TypeNames.Of(type), Body = JsonSerializer.Serialize(message, type, _json), TraceParent = System.Diagnostics.Activity.Current?.Id });
        _published = true;
        return Task.CompletedTask;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (Audit is { Written: false } audit)
        {
            var trail = AuditTrail ?? throw new InvalidOperationException("No audit trail is registered to write the change's line to.");
            Write(AuditTrail.InsertSql, trail.Line(audit.Entry with { Outcome = "committed" }));
            audit.Written = true;
        }
        await SendQueuedWritesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        if (_published)
        {
            _signal.Wake();
        }
        if (_unsentDirect.Count > 0 && _directPublisher is not null)
        {
            // The outbox is switched off: publish after commit and hope, as the reference designs do.
            foreach (var message in _unsentDirect)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _directPublisher.Publish(message, message.GetType(), timeout.Token);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _logger.LogWarning("Direct publish of {MessageType} failed after commit; the message is lost", message.GetType().Name);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>Starts units of work on the service's own database.</summary>
public sealed class UnitOfWorkFactory(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, PersonalFields personal, OutboxSignal signal, IServiceProvider services, ILogger<UnitOfWork> logger)
{
    public MessagingOptions Options => options.Value;

    /// <summary>The database the units of work run on, for replacing its pooled connections after a statement error.</summary>
    internal NpgsqlDataSource DataSource => dataSource;

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken = default)
    {
        var work = await UnitOfWork.BeginAsync(
            dataSource,
            options,
            personal.Options,
            options.Value.OutboxEnabled ? null : (IPublishEndpoint?)services.GetService(typeof(IBus)),
            signal,
            logger,
            cancellationToken);
        work.Audit = (services.GetService(typeof(IHttpContextAccessor)) as IHttpContextAccessor)?.HttpContext?.Features.Get<PendingAudit>();
        work.AuditTrail = work.Audit is null ? null : (AuditTrail?)services.GetService(typeof(AuditTrail));
        return work;
    }
}
