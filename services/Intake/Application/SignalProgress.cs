using MassTransit;

namespace WijPlatform.Intake.Application;

/// <summary>
/// Moves partners' signals on and, with each change, publishes the fact the notices service passes to
/// the partner's webhook, in the same transaction as the change: each change is told at least once.
/// </summary>
public sealed class SignalProgress(SignalStore signals, TimeProvider clock)
{
    public async Task AdvanceAsync(UnitOfWork work, Guid? signalId, Guid? referralId, Guid? caseId, string status, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, partner) in await signals.AdvanceAsync(work, signalId, referralId, caseId, status, now, ct))
        {
            await work.PublishAsync(new PartnerSignalStatusChanged(NewId.NextGuid(), id, partner, status, now), ct);
        }
    }
}
