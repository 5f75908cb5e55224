using System.Text.Json;

namespace WijPlatform.Matching.Infrastructure;

public sealed class VolunteerStore(NpgsqlDataSource db)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        id, resident_id AS ResidentId, first_name AS FirstName, talents, other_talents AS OtherTalents, postcode, street,
        travel_mode AS TravelMode, max_distance_km AS MaxDistanceKm, availability::text AS AvailabilityJson, absences::text AS AbsencesJson,
        languages, gender, preferences, max_active_matches AS MaxActiveMatches, vog_status AS VogStatus, vog_issued_on AS VogIssuedOn,
        active, created_at AS CreatedAt
        """;

    public Task InsertAsync(UnitOfWork work, Volunteer v, string? neighbourhood, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO volunteers (id, resident_id, first_name, talents, other_talents, postcode, street, neighbourhood, travel_mode, max_distance_km,
                availability, absences, languages, gender, preferences, max_active_matches, vog_status, vog_issued_on, active, created_at)
            VALUES (@Id, @ResidentId, @FirstName, @Talents, @OtherTalents, @Postcode, @Street, @Neighbourhood, @TravelMode, @MaxDistanceKm,
                @Availability::jsonb, @Absences::jsonb, @Languages, @Gender, @Preferences, @MaxActiveMatches, @VogStatus, @VogIssuedOn, @Active, @CreatedAt)
            """,
            new
            {
                v.Id, v.ResidentId, v.FirstName, v.Talents, v.OtherTalents, v.Postcode, v.Street, Neighbourhood = neighbourhood, v.TravelMode, v.MaxDistanceKm,
                Availability = JsonSerializer.Serialize(v.Availability, Json), Absences = JsonSerializer.Serialize(v.Absences, Json),
                v.Languages, v.Gender, v.Preferences, v.MaxActiveMatches, v.VogStatus, v.VogIssuedOn, v.Active, v.CreatedAt,
            }, cancellationToken: cancellationToken);

    /// <summary>The volunteer, when the caller is staff or this volunteer.</summary>
    public async Task<Scoped<Volunteer>> FindAsync(Guid id, VolunteerScope scope, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        var row = await session.QuerySingleOrDefaultAsync<VolunteerRow>(
            $"SELECT {Columns} FROM volunteers WHERE id = @id", new { id }, cancellationToken: cancellationToken);
        return scope.Check(row?.ToVolunteer(), v => v.Id);
    }

    /// <summary>Locks the volunteer so that two proposals at once cannot both take their last free place.</summary>
    public async Task<Volunteer?> LockAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken)
    {
        var row = await work.QuerySingleOrDefaultAsync<VolunteerRow>(
            $"SELECT {Columns} FROM volunteers WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);
        return row?.ToVolunteer();
    }

    public async Task<Page<Volunteer>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await db.QueryPageAsync<VolunteerRow>(Columns, "volunteers", "created_at DESC, id", null, page, cancellationToken);
        return new Page<Volunteer>(rows.Items.Select(r => r.ToVolunteer()).ToList(), rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>Volunteers with a VOG that has expired or expires before <paramref name="until"/>, soonest first.</summary>
    public Task<Page<VogExpiry>> VogExpiringAsync(DateOnly until, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VogExpiry>(
            "id AS VolunteerId, first_name AS FirstName, vog_issued_on AS IssuedOn, (vog_issued_on + make_interval(years => @years))::date AS ExpiresOn",
            "volunteers WHERE active AND vog_status = 'valid' AND vog_issued_on + make_interval(years => @years) < @until",
            "ExpiresOn, id", new { until, years = Vog.ValidYears }, page, cancellationToken);

    /// <summary>
    /// Records a warning for each active volunteer (or just one) whose valid VOG expires before
    /// <paramref name="warnUntil"/> and who was not warned about that expiry yet; returns how many.
    /// </summary>
    /// <summary>Records the warnings that are due (once per volunteer and expiry date); returns the new ones.</summary>
    public static async Task<IReadOnlyList<VogExpiryWarned>> RecordVogWarningsAsync(UnitOfWork work, DateOnly warnUntil, DateTime now, DateOnly today, Guid? volunteerId, CancellationToken cancellationToken) =>
        (await work.QueryAsync<WarningRow>(
            """
            INSERT INTO vog_warnings (volunteer_id, expires_on, warned_at)
            SELECT id, (vog_issued_on + make_interval(years => @years))::date, @now FROM volunteers
             WHERE active AND vog_status = 'valid' AND vog_issued_on + make_interval(years => @years) <= @warnUntil
               AND (@volunteerId::uuid IS NULL OR id = @volunteerId)
            ON CONFLICT DO NOTHING
            RETURNING volunteer_id AS VolunteerId, expires_on AS ExpiresOn
            """,
            new { warnUntil, now, volunteerId, years = Vog.ValidYears }, cancellationToken: cancellationToken))
        .Select(w => new VogExpiryWarned(w.VolunteerId, w.ExpiresOn, today)).ToList();

    public Task<Page<VogWarningRow>> VogWarningsAsync(Guid? volunteerId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VogWarningRow>(
            "w.volunteer_id AS VolunteerId, v.first_name AS FirstName, w.expires_on AS ExpiresOn, w.warned_at AS WarnedAt",
            "vog_warnings w JOIN volunteers v ON v.id = w.volunteer_id WHERE (@volunteerId::uuid IS NULL OR w.volunteer_id = @volunteerId)",
            "w.warned_at DESC, w.volunteer_id", new { volunteerId }, page, cancellationToken);

    /// <summary>A renewed (or withdrawn) certificate of conduct.</summary>
    public static Task<int> UpdateVogAsync(UnitOfWork work, Guid id, string status, DateOnly? issuedOn, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE volunteers SET vog_status = @status, vog_issued_on = @issuedOn WHERE id = @id",
            new { id, status, issuedOn }, cancellationToken: cancellationToken);

    /// <summary>
    /// Every active volunteer offering the talent (listed or in their own words) in one of the PC4 areas, with the
    /// matches they hold now. Inside a unit of work it reads on that connection instead of taking a second one.
    /// </summary>
    public async Task<IReadOnlyList<(Volunteer Volunteer, int Holding)>> OfferingAsync(string talent, IReadOnlyCollection<string> areas, UnitOfWork? work, CancellationToken cancellationToken)
    {
        var rows = await db.ReadAsync(work, session => session.QueryAsync<VolunteerRow>(
            $"""
            SELECT {Columns}, (SELECT count(*) FROM matches m WHERE m.volunteer_id = v.id AND m.status = ANY(@holding))::int AS Holding
            FROM volunteers v WHERE active AND (@talent = ANY(talents) OR @talent = ANY(other_talents)) AND left(postcode, 4) = ANY(@areas)
            """,
            new { talent, holding = MatchStatus.Holding, areas = areas.ToArray() }, cancellationToken), cancellationToken);
        return rows.Select(r => (r.ToVolunteer(), r.Holding)).ToList();
    }

    public async Task<int> HoldingAsync(UnitOfWork work, Guid volunteerId, CancellationToken cancellationToken) =>
        await work.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM matches WHERE volunteer_id = @volunteerId AND status = ANY(@holding)",
            new { volunteerId, holding = MatchStatus.Holding }, cancellationToken: cancellationToken);

    private const string ApplicationColumns = """
        id AS VolunteerId, first_name AS FirstName, talents, other_talents AS OtherTalents, postcode, application_status AS Status,
        vog_status AS VogStatus, decision_reason AS DecisionReason, created_at AS AppliedAt
        """;

    /// <summary>Residents' own applications (those registered by the coordinator are not applications), oldest first.</summary>
    public Task<Page<VolunteerApplication>> ApplicationsAsync(Guid? volunteerId, string? status, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VolunteerApplication>(ApplicationColumns,
            "volunteers WHERE decided_as_application AND (@volunteerId::uuid IS NULL OR id = @volunteerId) AND (@status::text IS NULL OR application_status = @status)",
            "created_at, id", new { volunteerId, status }, page, cancellationToken);

    public async Task<VolunteerApplication?> ApplicationOfResidentAsync(Guid residentId, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QueryFirstOrDefaultAsync<VolunteerApplication>(
            $"SELECT {ApplicationColumns} FROM volunteers WHERE decided_as_application AND resident_id = @residentId ORDER BY created_at DESC LIMIT 1",
            new { residentId }, cancellationToken: cancellationToken);
    }

    public Task<VolunteerApplication?> ApplicationOfResidentAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken) =>
        work.QueryFirstOrDefaultAsync<VolunteerApplication?>(
            $"SELECT {ApplicationColumns} FROM volunteers WHERE decided_as_application AND resident_id = @residentId ORDER BY created_at DESC LIMIT 1 FOR UPDATE",
            new { residentId }, cancellationToken: cancellationToken);

    public Task<VolunteerApplication?> LockApplicationAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        work.QuerySingleOrDefaultAsync<VolunteerApplication?>(
            $"SELECT {ApplicationColumns} FROM volunteers WHERE decided_as_application AND id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);

    /// <summary>Marks the volunteer as an application in the given state; only an approved one is active.</summary>
    public Task DecideAsync(UnitOfWork work, Guid id, string status, string? reason, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE volunteers SET application_status = @status, decision_reason = @reason, decided_as_application = true, active = (@status = 'approved') WHERE id = @id",
            new { id, status, reason }, cancellationToken: cancellationToken);

    /// <summary>What erasure leaves of a volunteer's name (see <see cref="EraseAsync"/>).</summary>
    private const string ErasedName = "(erased)";

    public static bool IsErased(Volunteer volunteer) => volunteer.FirstName == ErasedName;

    /// <summary>Erases the volunteer's personal data and tells whoever keeps a way to reach them; returns how many volunteers were erased.</summary>
    public async Task<int> EraseAsync(UnitOfWork work, Guid? volunteerId, Guid? residentId, CancellationToken cancellationToken)
    {
        var erased = (await work.QueryAsync<Guid>(
            """
            UPDATE volunteers SET first_name = @ErasedName, resident_id = NULL, street = NULL, postcode = left(postcode, 4),
                gender = NULL, preferences = NULL, other_talents = '{}', availability = '[]', absences = '[]', active = false,
                decision_reason = NULL
            WHERE id = @volunteerId OR resident_id = @residentId
            RETURNING id
            """,
            new { volunteerId, residentId, ErasedName }, cancellationToken: cancellationToken)).ToList();
        foreach (var id in erased)
        {
            await work.PublishAsync(new VolunteerErased(id), cancellationToken);
        }
        return erased.Count;
    }

    private sealed class WarningRow
    {
        public Guid VolunteerId { get; init; }
        public DateOnly ExpiresOn { get; init; }
    }

    private sealed class VolunteerRow
    {
        public Guid Id { get; init; }
        public Guid? ResidentId { get; init; }
        public string FirstName { get; init; } = "";
        public string[] Talents { get; init; } = [];
        public string[] OtherTalents { get; init; } = [];
        public string Postcode { get; init; } = "";
        public string? Street { get; init; }
        public string TravelMode { get; init; } = "";
        public double MaxDistanceKm { get; init; }
        public string AvailabilityJson { get; init; } = "[]";
        public string AbsencesJson { get; init; } = "[]";
        public string[] Languages { get; init; } = [];
        public string? Gender { get; init; }
        public string? Preferences { get; init; }
        public int MaxActiveMatches { get; init; }
        public string VogStatus { get; init; } = "";
        public DateOnly? VogIssuedOn { get; init; }
        public bool Active { get; init; }
        public DateTime CreatedAt { get; init; }
        public int Holding { get; init; }

        public Volunteer ToVolunteer() => new(
            Id, ResidentId, FirstName, Talents, OtherTalents, Postcode, Street, TravelMode, MaxDistanceKm,
            JsonSerializer.Deserialize<WeeklyWindow[]>(AvailabilityJson, Json) ?? [], JsonSerializer.Deserialize<Absence[]>(AbsencesJson, Json) ?? [],
            Languages, Gender, Preferences, MaxActiveMatches, VogStatus, VogIssuedOn, Active, CreatedAt);
    }
}

public sealed record VogWarningRow
{
    public Guid VolunteerId { get; init; }
    public string FirstName { get; init; } = "";
    public DateOnly ExpiresOn { get; init; }
    public DateTime WarnedAt { get; init; }
}

public sealed record VogExpiry
{
    public Guid VolunteerId { get; init; }
    public string FirstName { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly ExpiresOn { get; init; }
}
