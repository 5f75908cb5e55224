using System.Text.Json;

namespace WijPlatform.Matching.Infrastructure;

public sealed class MatchStore(NpgsqlDataSource db)
{
    private const string Columns = """
        id, request_id AS RequestId, volunteer_id AS VolunteerId, status, score, proposed_by AS ProposedBy, declined_by AS DeclinedBy,
        end_reason AS EndReason, evaluation, proposed_at AS ProposedAt, changed_at AS ChangedAt,
        (SELECT coalesce(sum(h.hours), 0) FROM match_hours h WHERE h.match_id = matches.id) AS HoursLogged,
        checked_in_at AS CheckedInAt, check_in_notes AS CheckInNotes, accepted_at AS AcceptedAt, reasons::text AS ReasonsJson, distance_km AS DistanceKm,
        place, supervisor
        """;

    public Task InsertAsync(UnitOfWork work, Match match, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO matches (id, request_id, volunteer_id, status, score, proposed_by, proposed_at, changed_at, reasons, distance_km, place, supervisor)
            VALUES (@Id, @RequestId, @VolunteerId, @Status, @Score, @ProposedBy, @ProposedAt, @ChangedAt, @ReasonsJson::jsonb, @DistanceKm, @Place, @Supervisor)
            """,
            match, cancellationToken: cancellationToken);

    /// <summary>The match as the caller may see it: staff all of it, its own volunteer without the coordinator's notes; another volunteer's is refused.</summary>
    public async Task<Scoped<Match>> FindAsync(Guid id, VolunteerScope scope, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return Seen(scope.Check(await session.QuerySingleOrDefaultAsync<Match>(
            $"SELECT {Columns} FROM matches WHERE id = @id", new { id }, cancellationToken: cancellationToken), m => m.VolunteerId), scope);
    }

    public async Task<Scoped<Match>> LockAsync(UnitOfWork work, Guid id, VolunteerScope scope, CancellationToken cancellationToken) =>
        Seen(scope.Check(await work.QuerySingleOrDefaultAsync<Match>(
            $"SELECT {Columns} FROM matches WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken), m => m.VolunteerId), scope);

    private static Scoped<Match> Seen(Scoped<Match> match, VolunteerScope scope) =>
        scope.IsVolunteer && match.Value is { } mine ? Scoped.Of(mine.SeenByVolunteer()) : match;

    public Task<Page<Match>> ListAsync(Guid? requestId, Guid? volunteerId, string? status, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Match>(Columns,
            "matches WHERE (@requestId::uuid IS NULL OR request_id = @requestId) AND (@volunteerId::uuid IS NULL OR volunteer_id = @volunteerId) AND (@status::text IS NULL OR status = @status)",
            "proposed_at DESC, id", new { requestId, volunteerId, status }, page, cancellationToken);

    public Task MoveAsync(UnitOfWork work, Guid id, string status, DateTime at, string? declinedBy, string? endReason, string? evaluation, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            UPDATE matches SET status = @status, changed_at = @at, declined_by = coalesce(@declinedBy, declined_by),
                end_reason = coalesce(@endReason, end_reason), evaluation = coalesce(@evaluation, evaluation)
            WHERE id = @id
            """,
            new { id, status, at, declinedBy, endReason, evaluation }, cancellationToken: cancellationToken);

    /// <summary>The volunteers proposed (or introduced) for the request now, as candidates marked proposed, with the reasons kept at the proposal.</summary>
    public async Task<IReadOnlyList<Candidate>> ProposedCandidatesAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        var rows = await session.QueryAsync<ProposedRow>(
            """
            SELECT m.volunteer_id AS VolunteerId, v.first_name AS FirstName, m.score, coalesce(m.distance_km, 0) AS DistanceKm,
                   (SELECT count(*)::int FROM matches h WHERE h.volunteer_id = m.volunteer_id AND h.status = ANY(@holding)) AS ActiveMatches,
                   m.reasons::text AS ReasonsJson
              FROM matches m JOIN volunteers v ON v.id = m.volunteer_id
             WHERE m.request_id = @requestId AND m.status IN ('proposed', 'introduced')
             ORDER BY m.proposed_at
            """, new { requestId, holding = MatchStatus.Holding }, cancellationToken: cancellationToken);
        return rows.Select(r => new Candidate(r.VolunteerId, r.FirstName, r.Score, r.DistanceKm, r.ActiveMatches,
            r.ReasonsJson is null ? [] : JsonSerializer.Deserialize<Reason[]>(r.ReasonsJson, Match.Kept) ?? [], Proposed: true)).ToList();
    }

    private sealed record ProposedRow(Guid VolunteerId, string FirstName, double Score, double DistanceKm, int ActiveMatches, string? ReasonsJson);

    public Task AcceptAsync(UnitOfWork work, Guid id, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE matches SET accepted_at = @at, changed_at = @at WHERE id = @id", new { id, at }, cancellationToken: cancellationToken);

    public Task LogHoursAsync(UnitOfWork work, Guid matchId, DateOnly day, decimal hours, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "INSERT INTO match_hours (id, match_id, day, hours, logged_at) VALUES (@id, @matchId, @day, @hours, @at)",
            new { id = MassTransit.NewId.NextGuid(), matchId, day, hours, at }, cancellationToken: cancellationToken);

    private const string FirstMeeting =
        "coalesce((SELECT min(h.day)::timestamptz FROM match_hours h WHERE h.match_id = m.id), CASE WHEN r.wanted_at <= @now THEN r.wanted_at END)";

    /// <summary>Active matches whose first meeting took place and that nobody checked in on yet, longest waiting first.</summary>
    public Task<Page<PendingCheckIn>> CheckInsDueAsync(DateTime now, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<PendingCheckIn>(
            $"""
            m.id AS MatchId, m.request_id AS RequestId, m.volunteer_id AS VolunteerId, v.first_name AS VolunteerFirstName, r.talent,
            r.first_name AS ResidentFirstName, {FirstMeeting} AS FirstMeetingAt
            """,
            $"""
            matches m JOIN volunteer_requests r ON r.id = m.request_id JOIN volunteers v ON v.id = m.volunteer_id
            WHERE m.status = 'active' AND m.checked_in_at IS NULL AND r.round_id IS NULL AND {FirstMeeting} IS NOT NULL
            """,
            "FirstMeetingAt, MatchId", new { now }, page, cancellationToken);

    /// <summary>Whether the match has had its first meeting by <paramref name="now"/>, read inside the caller's transaction.</summary>
    public Task<bool> FirstMeetingHeldAsync(UnitOfWork work, Guid matchId, DateTime now, CancellationToken cancellationToken) =>
        work.ExecuteScalarAsync<bool>(
            $"SELECT {FirstMeeting} IS NOT NULL FROM matches m JOIN volunteer_requests r ON r.id = m.request_id WHERE m.id = @matchId",
            new { matchId, now }, cancellationToken: cancellationToken);

    public Task RecordCheckInAsync(UnitOfWork work, Guid matchId, string? notes, string by, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE matches SET checked_in_at = @at, check_in_notes = @notes, checked_in_by = @by WHERE id = @matchId",
            new { matchId, notes, by, at }, cancellationToken: cancellationToken);

    /// <summary>The volunteer's current tasks as they may see them: no case, no care details. Only their own, or any for staff.</summary>
    public Task<Page<VolunteerTask>> TasksAsync(Guid volunteerId, VolunteerScope scope, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VolunteerTask>(
            """
            m.id AS MatchId, m.status, r.talent, r.first_name AS FirstName, r.street, r.postcode, r.wanted_at AS WantedAt,
            r.weekly_day AS WeeklyDay, r.weekly_start_minute AS WeeklyStartMinute, r.duration_minutes AS DurationMinutes, r.house_number AS HouseNumber, r.contact,
            r.places, m.supervisor, r.participants, b.name AS BusinessName, b.contact_person AS BusinessContactPerson
            """,
            "matches m JOIN volunteer_requests r ON r.id = m.request_id LEFT JOIN businesses b ON b.id = r.business_id WHERE m.volunteer_id = @volunteerId AND (@everyone OR m.volunteer_id = @self) AND m.status = ANY(@holding)",
            "m.proposed_at DESC, m.id", new { volunteerId, everyone = scope.Everyone, self = scope.Volunteer, holding = MatchStatus.Holding }, page, cancellationToken);

    /// <summary>Matches held now and hours logged in the last four weeks, for the overload flag.</summary>
    public async Task<(int Holding, double RecentHours)> WorkloadAsync(Guid volunteerId, DateOnly since, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleAsync<(int, double)>(
            """
            SELECT (SELECT count(*)::int FROM matches WHERE volunteer_id = @volunteerId AND status = ANY(@holding)),
                   (SELECT coalesce(sum(h.hours), 0)::float8 FROM match_hours h JOIN matches m ON m.id = h.match_id WHERE m.volunteer_id = @volunteerId AND h.day >= @since)
            """,
            new { volunteerId, since, holding = MatchStatus.Holding }, cancellationToken: cancellationToken);
    }
}
