using MassTransit;

namespace WijPlatform.Intake.Application;

/// <summary>
/// A professional of the team looks at a partner's signal before anyone rings the bell: a volunteer
/// home visit is requested only then (or at once when the team switched on automatic requests).
/// Naming the resident the signal is about lets the visit carry what a visitor needs, when that
/// resident consented to share it with a volunteer.
/// </summary>
public sealed class SignalTriage(UnitOfWorkFactory unitOfWork, SignalStore signals, CaseStore cases, ResidentStore residents, ReferralSender sender, SignalProgress progress, TimeProvider clock)
{
    public async Task<Outcome<PartnerSignal>> TriageAsync(Guid id, TriageSignal request, string actor, TeamScope scope, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await signals.LockAsync(work, id, scope, ct);
        if (locked.Refused("signal", id) is { } refused)
        {
            return refused;
        }
        var signal = locked.Value!;
        if (signal.TriagedAt is { } triagedAt)
        {
            return Refusal.Conflict("intake.already-triaged", new Text("intake.triaged-signal-utc", signal.TriagedBy, triagedAt));
        }
        if (signal.Status != SignalStatuses.Received && request.Visit)
        {
            return Refusal.Conflict("intake.visit-requested-already", "intake.team-s-automatic-visit");
        }
        var @case = (await cases.LockAsync(work, signal.CaseId, scope, ct)).Value!;
        if (request.ResidentId is { } residentId)
        {
            if ((await residents.FindResidentAsync(work, residentId, TeamScope.All, ct)).Value is not { ErasedAt: null } resident || resident.HouseholdId != @case.HouseholdId)
            {
                return Refusal.Invalid("residentId", "intake.name-resident-who-lives");
            }
            @case = @case with { ResidentId = residentId };
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Guid? visit = null;
        if (request.Visit)
        {
            visit = NewId.NextGuid();
            await sender.VisitAsync(work, @case, visit.Value, actor, ct);
        }
        await signals.RecordTriageAsync(work, id, visit, actor, now, ct);
        var note = string.IsNullOrWhiteSpace(request.Note) ? "" : $" {request.Note.Trim()}";
        cases.Append(work, @case.Id, "signal-triaged",
            new Text(request.Visit ? "intake.timeline.signal-triaged-visit" : "intake.timeline.signal-triaged-no-visit", signal.Partner, note), actor, now);
        var status = request.Visit ? SignalStatuses.VisitRequested : SignalStatuses.ActedUpon;
        await progress.AdvanceAsync(work, id, null, null, status, ct);
        await work.CommitAsync(ct);
        return signal with
        {
            ReferralId = visit, TriagedAt = now, TriagedBy = actor,
            Status = SignalStatuses.Rank(status) > SignalStatuses.Rank(signal.Status) ? status : signal.Status,
        };
    }
}

/// <summary>Whether a volunteer should look in, and (optionally) which resident at the address the signal is about.</summary>
public sealed record TriageSignal(bool Visit, Guid? ResidentId = null, [property: StringLength(1000)] string? Note = null);
