namespace WijPlatform.Intake.Application;

/// <summary>Applies a lifecycle step under the case's lock and writes it on the timeline.</summary>
public sealed class CaseChanger(UnitOfWorkFactory unitOfWork, CaseStore cases, RegisseurStore regisseurs, SignalProgress progress, TimeProvider clock)
{
    /// <param name="detail">What the timeline says of the change: the platform's text (in Dutch) and the person's own words after it (a reason, a note).</param>
    public async Task<Outcome<HelpRequest>> ChangeAsync(
        Guid id, CaseAction action, string actor, TeamScope scope, Func<HelpRequest, HelpRequest> change, Func<HelpRequest, (Text? Text, string? OwnWords)> detail, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await cases.LockAsync(work, id, scope, ct);
        if (locked.Refused("case", id) is { } refused)
        {
            return refused;
        }
        var current = locked.Value!;
        var transition = CaseLifecycle.Apply(current.Status, action, current.RegisseurId is not null);
        if (!transition.Allowed)
        {
            return Refusal.Conflict("intake.change-not-possible-now", transition.Refusal!);
        }
        var changed = change(current) with { Status = transition.Status };
        var now = clock.GetUtcNow().UtcDateTime;
        await cases.UpdateAsync(work, changed, ct);
        var (text, ownWords) = detail(changed);
        cases.Append(work, id, EventKind(action), text, ownWords, actor, now);
        await work.CommitAsync(ct);
        return changed;
    }

    /// <summary>
    /// Assigns the case's regisseur, who is the household's: the first assignment makes them the
    /// household's regisseur (its other open cases follow); another professional than the
    /// household's is refused with who it is, since changing them is an explicit hand-over.
    /// </summary>
    public async Task<Outcome<HelpRequest>> AssignAsync(Guid id, Professional regisseur, string actor, TeamScope scope, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var locked = await cases.LockAsync(work, id, scope, ct);
        if (locked.Refused("case", id) is { } refused)
        {
            return refused;
        }
        var current = locked.Value!;
        var transition = CaseLifecycle.Apply(current.Status, CaseAction.Assign, current.RegisseurId is not null);
        if (!transition.Allowed)
        {
            return Refusal.Conflict("intake.change-not-possible-now", transition.Refusal!);
        }
        if (current.HouseholdId is { } householdId)
        {
            var ofHousehold = await regisseurs.OfHouseholdAsync(work, householdId, ct);
            if (ofHousehold is not null && ofHousehold.Id != regisseur.Id)
            {
                return Refusal.Conflict("intake.household-already-has-regisseur",
                    new Text("intake.regisseur-household-change-hand", ofHousehold.Name, ofHousehold.Organisation, householdId));
            }
            await regisseurs.SetAsync(work, householdId, regisseur.Id, ct);
        }
        var changed = current with { RegisseurId = regisseur.Id, Status = transition.Status };
        var now = clock.GetUtcNow().UtcDateTime;
        await cases.UpdateAsync(work, changed, ct);
        cases.Append(work, id, EventKind(CaseAction.Assign), new Text("intake.timeline.regisseur", regisseur.Name, regisseur.Organisation), actor, now);
        await progress.AdvanceAsync(work, null, null, id, SignalStatuses.ActedUpon, ct);
        await work.CommitAsync(ct);
        return changed;
    }

    /// <summary>A note or a contact: the person's own words, after the platform's text when there is one ("Contact per telefoon:").</summary>
    public async Task<Outcome<CaseEvent>> RecordAsync(Guid id, string kind, Text? platform, string ownWords, string actor, TeamScope scope, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        if ((await cases.LockAsync(work, id, scope, ct)).Refused("case", id) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var text = cases.Written(platform, ownWords);
        cases.Append(work, id, kind, text, actor, now);
        await work.CommitAsync(ct);
        return new CaseEvent(0, id, kind, text, actor, now);
    }

    private static string EventKind(CaseAction action) => action switch
    {
        CaseAction.Triage => "triaged",
        CaseAction.Assign => "assigned",
        CaseAction.StartPlan => "plan-started",
        CaseAction.Close => "closed",
        _ => "reopened",
    };
}
