namespace WijPlatform.Cafe.Infrastructure;

public sealed class ResidentStore(NpgsqlDataSource db)
{
    private const string ProfileColumns =
        "resident_id AS ResidentId, display_name AS DisplayName, allergies, diets, texture, street, house_number AS HouseNumber, postcode, phone, " +
        "emergency_contact_name AS EmergencyContactName, emergency_contact_phone AS EmergencyContactPhone, payment_method AS PaymentMethod, low_income AS LowIncome, updated_at AS UpdatedAt";

    private const string StandingColumns =
        "id, resident_id AS ResidentId, weekdays, fulfilment, portions, special_request AS SpecialRequest, starts_on AS StartsOn, ends_on AS EndsOn, " +
        "paused_from AS PausedFrom, paused_until AS PausedUntil, status, created_at AS CreatedAt";

    /// <summary>Creates or replaces a profile; true when it was new.</summary>
    public static Task<bool> SaveProfileAsync(ISqlSession session, ResidentProfile profile, CancellationToken cancellationToken) =>
        session.ExecuteScalarAsync<bool>(
            """
            INSERT INTO resident_profiles (resident_id, display_name, allergies, diets, texture, street, house_number, postcode, phone,
                emergency_contact_name, emergency_contact_phone, payment_method, low_income, updated_at)
            VALUES (@ResidentId, @DisplayName, @Allergies, @Diets, @Texture, @Street, @HouseNumber, @Postcode, @Phone,
                @EmergencyContactName, @EmergencyContactPhone, @PaymentMethod, @LowIncome, @UpdatedAt)
            ON CONFLICT (resident_id) DO UPDATE SET display_name = excluded.display_name, allergies = excluded.allergies, diets = excluded.diets,
                texture = excluded.texture, street = excluded.street, house_number = excluded.house_number, postcode = excluded.postcode, phone = excluded.phone,
                emergency_contact_name = excluded.emergency_contact_name, emergency_contact_phone = excluded.emergency_contact_phone,
                payment_method = excluded.payment_method, low_income = excluded.low_income, updated_at = excluded.updated_at
            RETURNING xmax = 0
            """, profile, cancellationToken: cancellationToken);

    public async Task<ResidentProfile?> FindProfileAsync(Guid residentId, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await FindProfileAsync(session, residentId, cancellationToken);
    }

    public static Task<ResidentProfile?> FindProfileAsync(ISqlSession session, Guid residentId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<ResidentProfile>(
            $"SELECT {ProfileColumns} FROM resident_profiles WHERE resident_id = @residentId", new { residentId }, cancellationToken: cancellationToken);

    public static Task InsertStandingOrderAsync(UnitOfWork work, StandingOrder order, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO standing_orders (id, resident_id, weekdays, fulfilment, portions, special_request, starts_on, ends_on, paused_from, paused_until, status, created_at)
            VALUES (@Id, @ResidentId, @Weekdays, @Fulfilment, @Portions, @SpecialRequest, @StartsOn, @EndsOn, @PausedFrom, @PausedUntil, @Status, @CreatedAt)
            """, order, cancellationToken: cancellationToken);

    public async Task<StandingOrder?> FindStandingOrderAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<StandingOrder>(
            $"SELECT {StandingColumns} FROM standing_orders WHERE id = @id", new { id }, cancellationToken: cancellationToken);
    }

    public static Task<StandingOrder?> LockStandingOrderAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        work.QuerySingleOrDefaultAsync<StandingOrder>(
            $"SELECT {StandingColumns} FROM standing_orders WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);

    public Task<Page<StandingOrder>> ListStandingOrdersAsync(Guid? residentId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<StandingOrder>(StandingColumns, "standing_orders WHERE (@residentId::uuid IS NULL OR resident_id = @residentId)", "created_at, id", new { residentId }, page, cancellationToken);

    /// <summary>Active standing orders that could ask for a meal on a weekday; the model decides per date.</summary>
    public static async Task<IReadOnlyList<StandingOrder>> ActiveStandingOrdersAsync(UnitOfWork work, DayOfWeek weekday, CancellationToken cancellationToken) =>
        (await work.QueryAsync<StandingOrder>(
            $"SELECT {StandingColumns} FROM standing_orders WHERE status = 'active' AND @weekday = ANY(weekdays) ORDER BY created_at, id",
            new { weekday = (int)weekday }, cancellationToken: cancellationToken)).ToList();

    public static Task UpdateStandingOrderAsync(UnitOfWork work, Guid id, string status, DateOnly? pausedFrom, DateOnly? pausedUntil, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "UPDATE standing_orders SET status = @status, paused_from = @pausedFrom, paused_until = @pausedUntil WHERE id = @id",
            new { id, status, pausedFrom, pausedUntil }, cancellationToken: cancellationToken);

    /// <summary>
    /// Forgets a resident: the profile and standing orders go; orders stay for the kitchen's and the
    /// café's counts (day, dish, portions, price) but lose everything that points to the person.
    /// </summary>
    public static async Task<int> EraseAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken)
    {
        var anonymised = await work.ExecuteAsync(
            """
            UPDATE meal_orders SET resident_id = NULL, resident_name = 'Geanonimiseerd', special_request = NULL, street = NULL, house_number = NULL,
                postcode = NULL, confirmed_conflicts = '{}', standing_order_id = NULL
            WHERE resident_id = @residentId
            """, new { residentId }, cancellationToken: cancellationToken);
        await work.ExecuteAsync(
            """
            DELETE FROM delivery_applications WHERE resident_id = @residentId;
            DELETE FROM standing_orders WHERE resident_id = @residentId;
            DELETE FROM resident_profiles WHERE resident_id = @residentId;
            """,
            new { residentId }, cancellationToken: cancellationToken);
        return anonymised;
    }
}
