namespace WijPlatform.Cafe.Infrastructure;

public sealed class RoundStore(NpgsqlDataSource db)
{
    private const string RoundColumns =
        "r.id, r.menu_id AS MenuId, r.round_date AS Date, r.number, r.postcode, r.starts_at AS StartsAt, r.volunteer_id AS VolunteerId, " +
        "r.volunteer_first_name AS VolunteerFirstName, r.status, (SELECT count(*)::int FROM delivery_stops s WHERE s.round_id = r.id) AS Stops";

    /// <summary>Placed home deliveries of a day that are in no round yet.</summary>
    public static async Task<IReadOnlyList<DeliveryAddress>> UnplannedAsync(UnitOfWork work, Guid menuId, CancellationToken cancellationToken) =>
        (await work.QueryAsync<DeliveryAddress>(
            $"""
            SELECT o.id AS OrderId, o.postcode, o.street, o.house_number AS HouseNumber FROM meal_orders o
            WHERE o.menu_id = @menuId AND o.status = '{OrderStatus.Placed}' AND o.fulfilment = 'delivery' AND o.street IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM delivery_stops s WHERE s.order_id = o.id)
            """, new { menuId }, cancellationToken: cancellationToken)).ToList();

    public static Task<int> LastRoundNumberAsync(UnitOfWork work, Guid menuId, CancellationToken cancellationToken) =>
        work.ExecuteScalarAsync<int>(
            "SELECT coalesce(max(number), 0) FROM delivery_rounds WHERE menu_id = @menuId", new { menuId }, cancellationToken: cancellationToken);

    public static async Task InsertAsync(UnitOfWork work, DeliveryRound round, IReadOnlyList<DeliveryAddress> stops, CancellationToken cancellationToken)
    {
        await work.ExecuteAsync(
            "INSERT INTO delivery_rounds (id, menu_id, round_date, number, postcode, starts_at, status) VALUES (@Id, @MenuId, @Date, @Number, @Postcode, @StartsAt, @Status)",
            round, cancellationToken: cancellationToken);
        await work.ExecuteAsync(
            "INSERT INTO delivery_stops (id, round_id, order_id, position, status) VALUES (gen_random_uuid(), @RoundId, @OrderId, @Position, 'pending')",
            stops.Select((s, i) => new { RoundId = round.Id, s.OrderId, Position = i + 1 }), cancellationToken: cancellationToken);
    }

    public Task<Page<DeliveryRound>> ListAsync(DateOnly? date, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<DeliveryRound>(RoundColumns, "delivery_rounds r WHERE (@date::date IS NULL OR r.round_date = @date)", "r.round_date, r.number", new { date }, page, cancellationToken);

    /// <summary>
    /// The round and its stops, for the café, or for the volunteer who rides it as the deliverer
    /// sees them. A round without a deliverer yet belongs to no volunteer.
    /// </summary>
    public Task<Scoped<RoundWithStops>> FindAsync(Guid id, VolunteerScope scope, CancellationToken cancellationToken) =>
        db.WithinVolunteerAsync(DelivererOfRound, new { roundId = id }, scope, async () =>
        {
            await using var session = await db.OpenSessionAsync(cancellationToken);
            var round = await session.QuerySingleOrDefaultAsync<DeliveryRound>(
                $"SELECT {RoundColumns} FROM delivery_rounds r WHERE r.id = @id", new { id }, cancellationToken: cancellationToken);
            return round is null ? null : new RoundWithStops(round, Seen(await StopsAsync(session, id, null, locked: false, cancellationToken), scope));
        }, cancellationToken);

    /// <summary>One stop of the caller's round, locked for the change that follows (the round's deliverer or the café).</summary>
    public static Task<Scoped<RoundStop>> LockStopAsync(UnitOfWork work, Guid roundId, Guid stopId, VolunteerScope scope, CancellationToken cancellationToken) =>
        work.WithinVolunteerAsync(DelivererOfRound, new { roundId }, scope,
            async () => (await StopsAsync(work, roundId, stopId, locked: true, cancellationToken)).SingleOrDefault(), cancellationToken);

    /// <summary>One stop as the caller may see it, read after a change the caller was allowed to make.</summary>
    public static async Task<RoundStop> StopAsync(UnitOfWork work, Guid roundId, Guid stopId, VolunteerScope scope, CancellationToken cancellationToken) =>
        Seen(await StopsAsync(work, roundId, stopId, locked: false, cancellationToken), scope).Single();

    private const string DelivererOfRound = "SELECT volunteer_id FROM delivery_rounds WHERE id = @roundId";

    private static IReadOnlyList<RoundStop> Seen(IReadOnlyList<RoundStop> stops, VolunteerScope scope) =>
        scope.IsVolunteer ? stops.Select(s => s.ForDeliverer()).ToList() : stops;

    private static async Task<IReadOnlyList<RoundStop>> StopsAsync(ISqlSession session, Guid roundId, Guid? stopId, bool locked, CancellationToken cancellationToken) =>
        (await session.QueryAsync<RoundStop>(
            $"""
            SELECT s.id, s.position, s.order_id AS OrderId, s.status, o.resident_id AS ResidentId, o.resident_name AS ResidentName,
                   coalesce(o.street, '') AS Street, coalesce(o.house_number, '') AS HouseNumber, coalesce(o.postcode, '') AS Postcode,
                   o.portions, coalesce(d.name, '') AS Dish, o.special_request AS SpecialRequest, o.status = '{OrderStatus.Placed}' AS Active,
                   p.phone, p.emergency_contact_name AS EmergencyContactName, p.emergency_contact_phone AS EmergencyContactPhone
            FROM delivery_stops s
            JOIN meal_orders o ON o.id = s.order_id
            LEFT JOIN dishes d ON d.id = o.dish_id
            LEFT JOIN resident_profiles p ON p.resident_id = o.resident_id
            WHERE s.round_id = @roundId AND (@stopId::uuid IS NULL OR s.id = @stopId)
            ORDER BY s.position
            {(locked ? "FOR UPDATE OF s" : "")}
            """, new { roundId, stopId }, cancellationToken: cancellationToken)).ToList();

    public static Task UpdateStopAsync(UnitOfWork work, Guid stopId, string status, DateTime now, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE delivery_stops SET status = @status, updated_at = @now WHERE id = @stopId", new { stopId, status, now }, cancellationToken: cancellationToken);

    public static Task<DateOnly> RoundDateAsync(UnitOfWork work, Guid roundId, CancellationToken cancellationToken) =>
        work.ExecuteScalarAsync<DateOnly>(
            "SELECT round_date FROM delivery_rounds WHERE id = @roundId", new { roundId }, cancellationToken: cancellationToken);

    /// <summary>Shows the proposed deliverer until they confirm; a round already assigned keeps its deliverer. False when nothing changed.</summary>
    public static async Task<bool> ProposeAsync(UnitOfWork work, Guid roundId, Guid matchId, Guid volunteerId, string firstName, CancellationToken cancellationToken) =>
        await work.ExecuteAsync(
            $"""
            UPDATE delivery_rounds SET volunteer_id = @volunteerId, volunteer_first_name = @firstName, match_id = @matchId, status = '{RoundStatus.DelivererProposed}'
            WHERE id = @roundId AND status IN ('{RoundStatus.AwaitingDeliverer}', '{RoundStatus.NoDeliverer}')
            """,
            new { roundId, matchId, volunteerId, firstName }, cancellationToken: cancellationToken) == 1;

    /// <summary>The proposed deliverer said no: the round waits for the next one.</summary>
    public static Task<int> WithdrawProposalAsync(UnitOfWork work, Guid roundId, Guid matchId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            $"""
            UPDATE delivery_rounds SET volunteer_id = NULL, volunteer_first_name = NULL, match_id = NULL, status = '{RoundStatus.AwaitingDeliverer}'
            WHERE id = @roundId AND match_id = @matchId AND status = '{RoundStatus.DelivererProposed}'
            """,
            new { roundId, matchId }, cancellationToken: cancellationToken);

    /// <summary>Matching found no one in time: the café must find a deliverer itself.</summary>
    public static Task<int> MarkUnmatchedAsync(UnitOfWork work, Guid roundId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            $"UPDATE delivery_rounds SET status = '{RoundStatus.NoDeliverer}' WHERE id = @roundId AND status = '{RoundStatus.AwaitingDeliverer}'",
            new { roundId }, cancellationToken: cancellationToken);

    /// <summary>Records matching's deliverer; the round as assigned, or null when the round is unknown.</summary>
    public static Task<DeliveryRound?> AssignAsync(UnitOfWork work, Guid roundId, Guid volunteerId, string firstName, CancellationToken cancellationToken) =>
        work.QuerySingleOrDefaultAsync<DeliveryRound>(
            $"""
            UPDATE delivery_rounds r SET volunteer_id = @volunteerId, volunteer_first_name = @firstName, status = '{RoundStatus.Assigned}' WHERE r.id = @roundId
            RETURNING {RoundColumns}
            """,
            new { roundId, volunteerId, firstName }, cancellationToken: cancellationToken);
}
