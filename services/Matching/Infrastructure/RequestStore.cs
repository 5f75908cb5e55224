namespace WijPlatform.Matching.Infrastructure;

public sealed class RequestStore(NpgsqlDataSource db)
{
    private const string Columns = """
        id, source, case_id AS CaseId, resident_id AS ResidentId, round_id AS RoundId, talent, postcode, neighbourhood, wanted_at AS WantedAt,
        weekly_day AS WeeklyDay, weekly_start_minute AS WeeklyStartMinute, duration_minutes AS DurationMinutes, urgency, inside_home AS InsideHome,
        preferred_language AS PreferredLanguage, preferred_gender AS PreferredGender, first_name AS FirstName, street, status,
        created_at AS CreatedAt, unmatched_reported_at AS UnmatchedReportedAt, house_number AS HouseNumber, contact,
        places, supervised, participants, business_id AS BusinessId
        """;

    /// <summary>Inserts a request; a request id seen before changes nothing.</summary>
    public Task<int> InsertAsync(UnitOfWork work, VolunteerRequest request, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO volunteer_requests (id, source, case_id, resident_id, round_id, talent, postcode, neighbourhood, wanted_at, weekly_day,
                weekly_start_minute, duration_minutes, urgency, inside_home, preferred_language, preferred_gender, first_name, street, status, created_at,
                house_number, contact, places, supervised, participants, business_id)
            VALUES (@Id, @Source, @CaseId, @ResidentId, @RoundId, @Talent, @Postcode, @Neighbourhood, @WantedAt, @WeeklyDay,
                @WeeklyStartMinute, @DurationMinutes, @Urgency, @InsideHome, @PreferredLanguage, @PreferredGender, @FirstName, @Street, @Status, @CreatedAt,
                @HouseNumber, @Contact, @Places, @Supervised, @Participants, @BusinessId)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                request.Id, request.Source, request.CaseId, request.ResidentId, request.RoundId, request.Talent, request.Postcode, request.Neighbourhood,
                request.WantedAt, WeeklyDay = (int?)request.WeeklyDay, request.WeeklyStartMinute, request.DurationMinutes, request.Urgency, request.InsideHome,
                request.PreferredLanguage, request.PreferredGender, request.FirstName, request.Street, request.Status, request.CreatedAt,
                request.HouseNumber, request.Contact, request.Places, request.Supervised, request.Participants, request.BusinessId,
            }, cancellationToken: cancellationToken);

    public async Task<VolunteerRequest?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<VolunteerRequest>(
            $"SELECT {Columns} FROM volunteer_requests WHERE id = @id", new { id }, cancellationToken: cancellationToken);
    }

    /// <summary>Locks the request: one proposal, decline or status change at a time.</summary>
    public Task<VolunteerRequest?> LockAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        work.QuerySingleOrDefaultAsync<VolunteerRequest>(
            $"SELECT {Columns} FROM volunteer_requests WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);

    public Task<Page<VolunteerRequest>> ListAsync(string? status, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VolunteerRequest>(Columns, "volunteer_requests WHERE (@status::text IS NULL OR status = @status)", "created_at DESC, id", new { status }, page, cancellationToken);

    /// <summary>The request's places as its holding matches take them, read in the caller's transaction (which holds the request's lock).</summary>
    public async Task<Places> PlacesAsync(UnitOfWork work, VolunteerRequest request, CancellationToken cancellationToken)
    {
        var holding = (await work.QueryAsync<(int? Place, bool Supervisor, bool Settled)>(
            "SELECT place, supervisor, status IN ('active', 'evaluated') FROM matches WHERE request_id = @Id AND status = ANY(@holding)",
            new { request.Id, holding = MatchStatus.Holding }, cancellationToken: cancellationToken)).ToList();
        // Matches from before places were numbered hold the first place.
        return new Places(request.Places, holding.Select(h => h.Place ?? 1).ToHashSet(), request.Supervised, holding.Any(h => h.Supervisor), holding.Count(h => h.Settled));
    }

    public Task SetStatusAsync(UnitOfWork work, Guid id, string status, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE volunteer_requests SET status = @status WHERE id = @id", new { id, status }, cancellationToken: cancellationToken);

    /// <summary>Open requests not yet reported as unmatched that waited longer than their urgency allows; locked, and skipped by a second instance.</summary>
    public async Task<IReadOnlyList<VolunteerRequest>> LockOverdueAsync(UnitOfWork work, UnmatchedOptions policy, DateTime now, int limit, CancellationToken cancellationToken) =>
        (await work.QueryAsync<VolunteerRequest>(
            $"""
            SELECT {Columns} FROM volunteer_requests
            WHERE status = 'open' AND unmatched_reported_at IS NULL
              AND created_at <= CASE urgency WHEN 'crisis' THEN @crisis WHEN 'high' THEN @high WHEN 'low' THEN @low ELSE @normal END
            ORDER BY created_at LIMIT @limit FOR UPDATE SKIP LOCKED
            """,
            new { crisis = now - policy.Crisis, high = now - policy.High, normal = now - policy.Normal, low = now - policy.Low, limit }, cancellationToken: cancellationToken)).AsList();

    public Task MarkUnmatchedReportedAsync(UnitOfWork work, Guid id, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE volunteer_requests SET unmatched_reported_at = @at WHERE id = @id", new { id, at }, cancellationToken: cancellationToken);

    /// <summary>Volunteers the resident already knows from an earlier or current match: continuity counts.</summary>
    public async Task<HashSet<Guid>> KnownVolunteersAsync(Guid? residentId, UnitOfWork? work, CancellationToken cancellationToken)
    {
        if (residentId is null)
        {
            return [];
        }
        return await db.ReadAsync(work, async session => (await session.QueryAsync<Guid>(
            """
            SELECT DISTINCT m.volunteer_id FROM matches m JOIN volunteer_requests r ON r.id = m.request_id
            WHERE r.resident_id = @residentId AND m.status IN ('active', 'evaluated', 'ended')
            """,
            new { residentId }, cancellationToken)).ToHashSet(), cancellationToken);
    }

    /// <summary>Volunteers already proposed for this request (declined or not): the next candidates are others.</summary>
    public async Task<HashSet<Guid>> ProposedBeforeAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return (await session.QueryAsync<Guid>(
            "SELECT volunteer_id FROM matches WHERE request_id = @requestId", new { requestId }, cancellationToken: cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// Forgets the resident: names, street, the case and the full postcode go; the PC4 area stays for the
    /// demand figures. The coordinator's notes on the matches for them (evaluation, check-in, why it
    /// ended) go too; the matches stay as numbers for the volunteers' hours.
    /// </summary>
    public Task<int> EraseResidentAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            UPDATE matches SET evaluation = NULL, check_in_notes = NULL, end_reason = CASE WHEN end_reason IS NULL THEN NULL ELSE '[verwijderd]' END
             WHERE request_id IN (SELECT id FROM volunteer_requests WHERE resident_id = @residentId);
            UPDATE volunteer_requests SET first_name = NULL, street = NULL, house_number = NULL, contact = NULL, case_id = NULL, resident_id = NULL, postcode = left(postcode, 4),
                preferred_gender = NULL, preferred_language = NULL
            WHERE resident_id = @residentId
            """,
            new { residentId }, cancellationToken: cancellationToken);
}
