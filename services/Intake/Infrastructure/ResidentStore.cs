namespace WijPlatform.Intake.Infrastructure;

public sealed class ResidentStore(NpgsqlDataSource db)
{
    private const string ResidentColumns =
        """
        r.id, r.household_id AS HouseholdId, r.first_name AS FirstName, r.last_name AS LastName, r.date_of_birth AS DateOfBirth,
        r.phone, r.email, r.preferred_contact AS PreferredContact, h.postcode, h.house_number AS HouseNumber, h.street, h.city,
        h.neighbourhood, r.erased_at AS ErasedAt, r.created_at AS CreatedAt
        """;

    private const string Residents = "residents r JOIN households h ON h.id = r.household_id";

    private const string HouseholdColumns = "id, postcode, house_number AS HouseNumber, street, city, neighbourhood, created_at AS CreatedAt";

    public Task InsertHouseholdAsync(UnitOfWork work, Household household, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO households (id, postcode, house_number, street, city, neighbourhood, created_at)
            VALUES (@Id, @Postcode, @HouseNumber, @Street, @City, @Neighbourhood, @CreatedAt)
            """, household, cancellationToken: ct);

    public Task InsertResidentAsync(UnitOfWork work, Resident resident, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO residents (id, household_id, first_name, last_name, date_of_birth, phone, email, preferred_contact, created_at)
            VALUES (@Id, @HouseholdId, @FirstName, @LastName, @DateOfBirth, @Phone, @Email, @PreferredContact, @CreatedAt)
            """, resident, cancellationToken: ct);

    public async Task<Scoped<Household>> FindHouseholdAsync(Guid id, TeamScope scope, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return scope.Check(await session.QuerySingleOrDefaultAsync<Household>(
            $"SELECT {HouseholdColumns} FROM households WHERE id = @id", new { id }, cancellationToken: ct), h => h.Neighbourhood);
    }

    /// <summary>The resident as the caller may see them: the whole record within the caller's team, the <see cref="Resident.SeenFromAnotherTeam"/> card outside it.</summary>
    public async Task<Resident?> FindResidentAsync(Guid id, TeamScope scope, CancellationToken ct)
    {
        var resident = await ReadResidentAsync(id, ct);
        return resident is null || scope.Covers(resident.Neighbourhood) ? resident : resident.SeenFromAnotherTeam();
    }

    /// <summary>The whole record, for what only the resident's own team may do with it (their consents, access log, questions).</summary>
    public async Task<Scoped<Resident>> ResidentOfTeamAsync(Guid id, TeamScope scope, CancellationToken ct) =>
        scope.Check(await ReadResidentAsync(id, ct), r => r.Neighbourhood);

    private async Task<Resident?> ReadResidentAsync(Guid id, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<Resident>(
            $"SELECT {ResidentColumns} FROM {Residents} WHERE r.id = @id", new { id }, cancellationToken: ct);
    }

    /// <summary>The resident, held until the unit of work ends, when the caller's team has them.</summary>
    public async Task<Scoped<Resident>> FindResidentAsync(UnitOfWork work, Guid id, TeamScope scope, CancellationToken ct) =>
        scope.Check(await work.QuerySingleOrDefaultAsync<Resident>(
            $"SELECT {ResidentColumns} FROM {Residents} WHERE r.id = @id FOR UPDATE OF r", new { id }, cancellationToken: ct), r => r.Neighbourhood);

    /// <summary>
    /// Residents by address or by (part of) the name. Within the caller's team the whole record;
    /// outside it only when searched by name, as the card that prevents a second registration (who
    /// lives at an address of another team is that team's business).
    /// </summary>
    public async Task<Page<Resident>> SearchResidentsAsync(string? postcode, string? houseNumber, string? name, TeamScope scope, PageRequest page, CancellationToken ct)
    {
        // Each filter is switched on by its parameter, so the SQL text stays constant.
        var filter =
            $"""
             WHERE r.erased_at IS NULL
               AND (@postcode::text IS NULL OR h.postcode = @postcode)
               AND (@houseNumber::text IS NULL OR lower(h.house_number) = lower(@houseNumber))
               AND (@name::text IS NULL OR lower(coalesce(r.first_name, '') || ' ' || coalesce(r.last_name, '')) LIKE lower(@name) ESCAPE '\')
               AND (@name::text IS NOT NULL OR {TeamScope.Filter("h.neighbourhood")})
            """;
        var found = await db.QueryPageAsync<Resident>(ResidentColumns, Residents + filter, "r.last_name, r.first_name, r.id",
            new { postcode, houseNumber, name = name is null ? null : LikePattern.Containing(name), everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);
        return found with { Items = found.Items.Select(r => scope.Covers(r.Neighbourhood) ? r : r.SeenFromAnotherTeam()).ToList() };
    }

    public Task<Page<Household>> HouseholdsAtAsync(string postcode, string houseNumber, TeamScope scope, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<Household>(HouseholdColumns,
            $"households WHERE postcode = @postcode AND lower(house_number) = lower(@houseNumber) AND {TeamScope.Filter("neighbourhood")}", "created_at, id",
            new { postcode, houseNumber, everyTeam = scope.EveryTeam, team = scope.Team }, page, ct);

    public Task<Scoped<Page<Resident>>> MembersAsync(Guid householdId, TeamScope scope, PageRequest page, CancellationToken ct) =>
        db.WithinTeamAsync("SELECT neighbourhood FROM households WHERE id = @householdId", new { householdId }, scope,
            async () => await db.QueryPageAsync<Resident>(ResidentColumns, Residents + " WHERE r.household_id = @householdId", "r.created_at, r.id", new { householdId }, page, ct), ct);

    /// <summary>The names of a household's members, for its plan (read after the plan's team was checked).</summary>
    public async Task<IReadOnlyList<PlanMember>> MembersAsync(Guid householdId, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return (await session.QueryAsync<PlanMember>(
            "SELECT id AS ResidentId, first_name AS FirstName, last_name AS LastName FROM residents WHERE household_id = @householdId ORDER BY created_at, id",
            new { householdId }, cancellationToken: ct)).ToList();
    }

    public Task ChangePhoneAsync(UnitOfWork work, Guid residentId, string? phone, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE residents SET phone = @phone WHERE id = @residentId", new { residentId, phone }, cancellationToken: ct);

    public Task MoveAsync(UnitOfWork work, Guid residentId, Guid householdId, CancellationToken ct) =>
        work.ExecuteAsync(
            "UPDATE residents SET household_id = @householdId WHERE id = @residentId", new { residentId, householdId }, cancellationToken: ct);

    /// <summary>
    /// Keeps only the ids, the counts and the postcode; everything that identifies the person is gone:
    /// name, birth date, phone, email; the texts of her cases and of every event on their timelines
    /// (notes, contact summaries, "asked by ..."); and, once nobody identifiable lives there any more,
    /// the address and the household plan's names and texts. Messages about her that still wait in the
    /// outbox with personal data are dropped.
    /// </summary>
    public async Task AnonymiseAsync(UnitOfWork work, Guid residentId, DateTime at, CancellationToken ct)
    {
        await work.ExecuteAsync(
            """
            UPDATE residents SET first_name = NULL, last_name = NULL, date_of_birth = NULL, phone = NULL, email = NULL, erased_at = @at WHERE id = @residentId;
            -- Her cases: her own, and her household's once nobody identifiable lives there.
            WITH erased_cases AS (
                SELECT c.id FROM help_requests c WHERE c.resident_id = @residentId
                UNION
                SELECT c.id FROM help_requests c WHERE c.household_id = (SELECT household_id FROM residents WHERE id = @residentId)
                   AND NOT EXISTS (SELECT 1 FROM residents o WHERE o.household_id = c.household_id AND o.erased_at IS NULL)
            ), described AS (
                UPDATE help_requests SET description = '[erased]', on_behalf_of = NULL WHERE id IN (SELECT id FROM erased_cases) RETURNING id
            )
            UPDATE case_events SET detail = NULL WHERE case_id IN (SELECT id FROM erased_cases) AND detail IS NOT NULL;
            -- The address and the plan's names go too once nobody identifiable lives there any more.
            UPDATE households h SET street = NULL, house_number = '' WHERE h.id = (SELECT household_id FROM residents WHERE id = @residentId)
               AND NOT EXISTS (SELECT 1 FROM residents o WHERE o.household_id = h.id AND o.erased_at IS NULL);
            UPDATE plan_items p SET name = NULL, description = '[erased]', owner = NULL, relation = NULL, organisation = NULL
             WHERE p.household_id = (SELECT household_id FROM residents WHERE id = @residentId)
               AND NOT EXISTS (SELECT 1 FROM residents o WHERE o.household_id = p.household_id AND o.erased_at IS NULL);
            """, new { residentId, at }, cancellationToken: ct);
        await ErasedResidents.ForgetAsync(work, residentId, ct);
    }

    public Task InsertProfessionalAsync(UnitOfWork work, Professional professional, CancellationToken ct) =>
        work.ExecuteAsync(
            "INSERT INTO professionals (id, name, organisation, role, created_at) VALUES (@Id, @Name, @Organisation, @Role, @CreatedAt)",
            professional, cancellationToken: ct);

    public async Task<Professional?> FindProfessionalAsync(Guid id, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<Professional>(
            "SELECT id, name, organisation, role, created_at AS CreatedAt FROM professionals WHERE id = @id", new { id }, cancellationToken: ct);
    }

    public Task<Page<Professional>> ListProfessionalsAsync(PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<Professional>("id, name, organisation, role, created_at AS CreatedAt", "professionals", "name, id", null, page, ct);
}
