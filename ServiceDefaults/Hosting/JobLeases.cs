using System.Security.Cryptography;
using System.Text;

namespace WijPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Which of a service's instances runs a job that must run once per service (the audit sealer, the
/// cleanups, the monitors): the one that holds the job's PostgreSQL session advisory lock. The locks
/// are held on one dedicated connection per instance for as long as the instance lives, so the holder
/// runs every round and the others none; when the holder stops or dies, PostgreSQL releases its locks
/// with its connection and another instance takes the job over at its next tick.
/// </summary>
public sealed partial class JobLeases(NpgsqlDataSource dataSource, ILogger<JobLeases> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<long> _held = [];
    private NpgsqlConnection? _connection;

    /// <summary>The lock id of a job: the first 8 bytes of SHA-256 of its name, the same on every instance.</summary>
    public static long LockId(string job) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("wij-job:" + job)), 0);

    /// <summary>
    /// True when this instance holds (or now takes) the lease of <paramref name="job"/>. The connection
    /// is checked first: one that was lost took its locks with it, so they are taken again or left to
    /// whoever has them now.
    /// </summary>
    public async Task<bool> HoldAsync(string job, CancellationToken cancellationToken)
    {
        var id = LockId(job);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await ConnectionAsync(cancellationToken);
            if (_held.Contains(id))
            {
                return true;
            }
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = id } } };
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                _held.Add(id);
                LogTaken(logger, job);
                return true;
            }
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(cancellationToken);
                return _connection;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection and with it every lease is gone; whoever takes them next runs the jobs.
                _held.Clear();
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is not null)
            {
                // A pooled connection keeps its session (and its locks) until it is next used: release them now.
                try
                {
                    await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", _connection);
                    await unlock.ExecuteScalarAsync();
                }
                catch (NpgsqlException)
                {
                    // Gone with the connection already.
                }
                await _connection.DisposeAsync();
                _connection = null;
            }
            _held.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance runs {Job} for the service")]
    private static partial void LogTaken(ILogger logger, string job);
}
