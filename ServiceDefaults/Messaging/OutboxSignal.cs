namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes this process's outbox relay when one of its units of work has committed messages. A NOTIFY
/// inside the transaction would do the same across processes, but PostgreSQL serialises the commits
/// of all notifying transactions behind one lock held through the commit's flush to disk, which
/// capped a service at about a hundred messages a second; other writers are found by the relay's poll
/// (or by a NOTIFY sent outside a transaction, which the relay still listens for).
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);

    public void Wake() => _wake.Release();

    public void Dispose() => _wake.Dispose();

    /// <summary>Waits for a wake-up or the poll interval; wake-ups that piled up meanwhile are served by the one batch that follows.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        await _wake.WaitAsync(pollInterval, cancellationToken);
        while (_wake.CurrentCount > 0)
        {
            await _wake.WaitAsync(cancellationToken);
        }
    }
}
