using Dapper;
using Npgsql;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Intake.Infrastructure;

/// <summary>The household's one regisseur, held on the household whichever case opened the question.</summary>
public sealed class RegisseurStore(NpgsqlDataSource db)
{
    private const string Columns = "p.id, p.name, p.organisation, p.role, p.created_at AS CreatedAt";

    /// <summary>The household's regisseur, with the household held until the unit of work ends (so two assignments cannot both win).</summary>
    public async Task<Professional?> OfHouseholdAsync(UnitOfWork work, Guid householdId, CancellationToken ct)
    {
        var regisseurId = await work.ExecuteScalarAsync<Guid?>(
            "SELECT regisseur_id FROM households WHERE id = @householdId FOR UPDATE", new { householdId }, cancellationToken: ct);
        return regisseurId is { } id
            ? await work.QuerySingleOrDefaultAsync<Professional>(
                $"SELECT {Columns} FROM professionals p WHERE p.id = @id", new { id }, cancellationToken: ct)
            : null;
    }

    /// <summary>
    /// A new case of a household that has a regisseur joins them (and with them the household's
    /// plan): it starts assigned instead of waiting for triage and assignment.
    /// </summary>
    public async Task<(HelpRequest Case, Professional? Regisseur)> JoinAsync(UnitOfWork work, HelpRequest @case, CancellationToken ct) =>
        @case.HouseholdId is { } householdId && await OfHouseholdAsync(work, householdId, ct) is { } regisseur
            ? (@case with { RegisseurId = regisseur.Id, Status = CaseStatus.Assigned, HouseholdRegisseur = HouseholdRegisseur.Of(householdId, regisseur) }, regisseur)
            : (@case, null);

    /// <summary>The household's regisseur, for reading (after the household's team was checked).</summary>
    public async Task<Professional?> OfHouseholdAsync(Guid householdId, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<Professional>(
            $"SELECT {Columns} FROM households h JOIN professionals p ON p.id = h.regisseur_id WHERE h.id = @householdId", new { householdId }, cancellationToken: ct);
    }

    public async Task<bool> IsRegisseurAsync(Guid householdId, Guid professionalId, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM households WHERE id = @householdId AND regisseur_id = @professionalId)", new { householdId, professionalId }, cancellationToken: ct);
    }

    /// <summary>
    /// Makes the professional the household's regisseur and the regisseur of each of its open cases
    /// (a case still waiting for one is assigned by it); returns those cases.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SetAsync(UnitOfWork work, Guid householdId, Guid regisseurId, CancellationToken ct)
    {
        await work.ExecuteAsync(
            "UPDATE households SET regisseur_id = @regisseurId WHERE id = @householdId", new { householdId, regisseurId }, cancellationToken: ct);
        return (await work.QueryAsync<Guid>(
            $"""
            UPDATE help_requests SET regisseur_id = @regisseurId,
                   status = CASE WHEN status IN ('{CaseStatus.Registered}', '{CaseStatus.Triaged}') THEN '{CaseStatus.Assigned}' ELSE status END
             WHERE household_id = @householdId AND status <> '{CaseStatus.Closed}'
            RETURNING id
            """, new { householdId, regisseurId }, cancellationToken: ct)).ToList();
    }
}
