namespace WijPlatform.Cafe.Infrastructure;

public sealed class ApplicationStore(NpgsqlDataSource db)
{
    private const string Columns =
        "id, resident_id AS ResidentId, display_name AS DisplayName, street, house_number AS HouseNumber, postcode, phone, weekdays, starts_on AS StartsOn, " +
        "remarks, status, standing_order_id AS StandingOrderId, decline_reason AS DeclineReason, decided_by AS DecidedBy, received_at AS ReceivedAt, decided_at AS DecidedAt";

    /// <summary>Records an application once; a repeated referral id changes nothing.</summary>
    public static Task<int> InsertAsync(UnitOfWork work, DeliveryApplication application, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO delivery_applications (id, resident_id, display_name, street, house_number, postcode, phone, weekdays, starts_on, remarks, status, received_at)
            VALUES (@Id, @ResidentId, @DisplayName, @Street, @HouseNumber, @Postcode, @Phone, @Weekdays, @StartsOn, @Remarks, @Status, @ReceivedAt)
            ON CONFLICT (id) DO NOTHING
            """, application, cancellationToken: cancellationToken);

    public static Task<DeliveryApplication?> LockAsync(UnitOfWork work, Guid id, CancellationToken cancellationToken) =>
        work.QuerySingleOrDefaultAsync<DeliveryApplication>(
            $"SELECT {Columns} FROM delivery_applications WHERE id = @id FOR UPDATE", new { id }, cancellationToken: cancellationToken);

    public static Task DecideAsync(UnitOfWork work, Guid id, string status, Guid? standingOrderId, string? reason, string decidedBy, DateTime at, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            UPDATE delivery_applications SET status = @status, standing_order_id = @standingOrderId, decline_reason = @reason, decided_by = @decidedBy, decided_at = @at
            WHERE id = @id
            """, new { id, status, standingOrderId, reason, decidedBy, at }, cancellationToken: cancellationToken);

    public async Task<DeliveryApplication?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<DeliveryApplication>(
            $"SELECT {Columns} FROM delivery_applications WHERE id = @id", new { id }, cancellationToken: cancellationToken);
    }

    public Task<Page<DeliveryApplication>> ListAsync(string? status, Guid? residentId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<DeliveryApplication>(Columns,
            "delivery_applications WHERE (@status::text IS NULL OR status = @status) AND (@residentId::uuid IS NULL OR resident_id = @residentId)",
            "received_at, id", new { status, residentId }, page, cancellationToken);
}
