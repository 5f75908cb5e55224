using System.Data;
using MassTransit;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// One database transaction in which a service changes its state and records the messages that the
/// change causes; both are committed together, and the relay publishes the messages afterwards.
/// </summary>
public sealed partial class UnitOfWork : ISqlSession, IAsyncDisposable
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
    /// Queues a write whose outcome nobody waits for (an insert of a new row). Queued writes travel to
    /// the database together, in order, as one batch: before the next statement of this unit of work
    /// or with the commit, or when <see cref="FlushAsync"/> says so. One round trip for all of them
    /// instead of one each.
    /// </summary>
    public void Queue(string sql, object? parameters = null) => _writes.Add(sql, parameters);

    /// <summary>Sends the queued writes now, in one round trip; nothing when none are queued.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_writes.Take() is not { } batch)
        {
            return;
        }
        await using (batch)
        {
            batch.Connection = _connection;
            batch.Transaction = _transaction;
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Every statement first sends what is queued, so that it sees those writes; the hot paths read
    // first and queue last, so this rarely costs a round trip of its own.
    public async Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _connection.ExecuteAsync(Command(sql, parameters, cancellationToken));
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _connection.ExecuteScalarAsync<T?>(Command(sql, parameters, cancellationToken));
    }

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T> QuerySingleAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _connection.QuerySingleAsync<T>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _connection.QuerySingleOrDefaultAsync<T?>(Command(sql, parameters, cancellationToken));
    }

    public async Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        return await _connection.QueryFirstOrDefaultAsync<T?>(Command(sql, parameters, cancellationToken));
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    /// <summary>The audit line of the HTTP request this change belongs to: written in this transaction, at commit.</summary>
    internal PendingAudit? Audit { get; set; }

    /// <summary>Stamps and signs that line.</summary>
    internal AuditTrail? AuditTrail { get; set; }

    /// <summary>The Idempotency-Key of the HTTP request this change belongs to: inserted in this transaction, at commit.</summary>
    internal IdempotentRequest? Idempotency { get; set; }

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
        Queue(
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
            Queue(AuditTrail.InsertSql, trail.Line(audit.Entry with { Outcome = "committed" }));
            audit.Written = true;
        }
        var key = Idempotency is { Written: false } request ? request : null;
        if (key is not null)
        {
            // Last, so that a duplicate racing this request blocks on the key only at its own commit,
            // and then finds this request's answer instead of carrying out its own.
            Queue(IdempotentRequest.InsertSql, key);
        }
        try
        {
            await FlushAsync(cancellationToken);
            await _transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex) when (key is not null && ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == IdempotentRequest.PrimaryKey)
        {
            throw new IdempotencyKeyTakenException();
        }
        if (key is not null)
        {
            key.Written = true;
        }
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
                    LogDirectPublishLost(_logger, message.GetType().Name);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct publish of {MessageType} failed after commit; the message is lost")]
    private static partial void LogDirectPublishLost(ILogger logger, string messageType);
}

/// <summary>Starts units of work on the service's own database.</summary>
public sealed class UnitOfWorkFactory(NpgsqlDataSource dataSource, IOptions<MessagingOptions> options, PersonalFields personal, OutboxSignal signal, FaultInjection faults, IServiceProvider services, ILogger<UnitOfWork> logger)
{
    public MessagingOptions Options => options.Value;

    /// <summary>The fault suite's crash points around a consumer's commit.</summary>
    internal FaultInjection Faults => faults;

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
        var http = (services.GetService(typeof(IHttpContextAccessor)) as IHttpContextAccessor)?.HttpContext;
        work.Audit = http?.Features.Get<PendingAudit>();
        work.AuditTrail = work.Audit is null ? null : (AuditTrail?)services.GetService(typeof(AuditTrail));
        work.Idempotency = http?.Features.Get<IdempotentRequest>();
        return work;
    }
}
