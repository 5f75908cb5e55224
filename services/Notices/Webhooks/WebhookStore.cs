namespace WijPlatform.Notices.Webhooks;

/// <summary>
/// Partners' callbacks and their deliveries. The signing secret is stored sealed (AES-GCM with the
/// platform's field key, which the database never holds), so a dump or a reader of noticesdb cannot
/// forge a partner's deliveries; a secret stored plain before this was sealing still opens.
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource db, FieldCipher cipher)
{
    /// <summary>The column the secret is sealed for: a sealed value copied to another column does not open.</summary>
    public const string SecretField = "partner_webhooks.secret";

    private const string WebhookColumns = "id, partner, url, status, registered_at AS RegisteredAt, registered_by AS RegisteredBy, approved_at AS ApprovedAt, approved_by AS ApprovedBy";

    private const string DeliveryColumns = """
        id, partner, type, signal_id AS SignalId, signup_id AS SignupId, status, changed_at AS ChangedAt, attempts,
        CASE WHEN delivered_at IS NULL THEN next_attempt_at END AS NextAttemptAt, delivered_at AS DeliveredAt,
        last_attempt_at AS LastAttemptAt, last_status_code AS LastStatusCode, last_error AS LastError
        """;

    /// <summary>Registers the partner's callback, waiting for approval; a callback registered before is replaced.</summary>
    public async Task<PartnerWebhook> RegisterAsync(UnitOfWork work, string partner, string url, string secret, string by, DateTime at, CancellationToken ct)
    {
        var webhook = new PartnerWebhook(Guid.NewGuid(), partner, url, WebhookStatuses.Pending, at, by, null, null);
        await work.ExecuteAsync(
            """
            UPDATE partner_webhooks SET status = 'replaced' WHERE partner = @Partner AND status IN ('pending', 'approved');
            INSERT INTO partner_webhooks (id, partner, url, secret, status, registered_at, registered_by)
            VALUES (@Id, @Partner, @Url, @secret, @Status, @RegisteredAt, @RegisteredBy)
            """, new { webhook.Id, webhook.Partner, webhook.Url, secret = cipher.Seal(secret, SecretField), webhook.Status, webhook.RegisteredAt, webhook.RegisteredBy }, cancellationToken: ct);
        return webhook;
    }

    /// <summary>Approves a pending callback; null when there is none by that id, the webhook as it was when it is not pending.</summary>
    public async Task<(PartnerWebhook Webhook, bool Approved)?> ApproveAsync(UnitOfWork work, Guid id, string by, DateTime at, CancellationToken ct)
    {
        var approved = await work.QuerySingleOrDefaultAsync<PartnerWebhook>(
            $"UPDATE partner_webhooks SET status = 'approved', approved_at = @at, approved_by = @by WHERE id = @id AND status = 'pending' RETURNING {WebhookColumns}",
            new { id, by, at }, cancellationToken: ct);
        if (approved is not null)
        {
            return (approved, true);
        }
        return await FindAsync(id, ct) is { } existing ? (existing, false) : null;
    }

    public async Task<PartnerWebhook?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var session = await db.OpenSessionAsync(ct);
        return await session.QuerySingleOrDefaultAsync<PartnerWebhook>($"SELECT {WebhookColumns} FROM partner_webhooks WHERE id = @id", new { id }, cancellationToken: ct);
    }

    public Task<Page<PartnerWebhook>> ListAsync(string? status, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<PartnerWebhook>(WebhookColumns, "partner_webhooks WHERE (@status::text IS NULL OR status = @status)", "registered_at DESC, id", new { status }, page, ct);

    /// <summary>A status change to pass on; the same change again (a redelivered message) adds nothing.</summary>
    public static Task AddDeliveryAsync(UnitOfWork work, PartnerSignalStatusChanged change, DateTime now, CancellationToken ct) =>
        AddDeliveryAsync(work, new
        {
            Id = change.ChangeId, change.Partner, Type = WebhookTypes.SignalStatusChanged, SignalId = (Guid?)change.SignalId, SignupId = (Guid?)null,
            ActivityId = (Guid?)null, OccurrenceDate = (DateOnly?)null, change.Status, change.ChangedAt, now,
        }, ct);

    public static Task AddDeliveryAsync(UnitOfWork work, PartnerSignupStatusChanged change, DateTime now, CancellationToken ct) =>
        AddDeliveryAsync(work, new
        {
            Id = change.ChangeId, change.Partner, Type = WebhookTypes.SignupStatusChanged, SignalId = (Guid?)null, SignupId = (Guid?)change.SignupId,
            ActivityId = (Guid?)change.ActivityId, change.OccurrenceDate, change.Status, change.ChangedAt, now,
        }, ct);

    private static Task<int> AddDeliveryAsync(UnitOfWork work, object delivery, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO webhook_deliveries (id, partner, type, signal_id, signup_id, activity_id, occurrence_date, status, changed_at, created_at, next_attempt_at)
            VALUES (@Id, @Partner, @Type, @SignalId, @SignupId, @ActivityId, @OccurrenceDate, @Status, @ChangedAt, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """, delivery, cancellationToken: ct);

    public Task<Page<WebhookDelivery>> DeliveriesAsync(string? partner, bool? delivered, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<WebhookDelivery>(DeliveryColumns,
            "webhook_deliveries WHERE (@partner::text IS NULL OR partner = @partner) AND (@delivered::boolean IS NULL OR (delivered_at IS NOT NULL) = @delivered)",
            "created_at DESC, id", new { partner, delivered }, page, ct);

    public Task<Page<WebhookAttempt>> AttemptsAsync(Guid deliveryId, PageRequest page, CancellationToken ct) =>
        db.QueryPageAsync<WebhookAttempt>("delivery_id AS DeliveryId, attempt, webhook_id AS WebhookId, at, status_code AS StatusCode, error",
            "webhook_attempts WHERE delivery_id = @deliveryId", "attempt", new { deliveryId }, page, ct);

    /// <summary>
    /// The next delivery due, locked for this attempt, with its partner's approved callback. A partner's
    /// changes go out in the order they happened (their own time, not the order the broker brought them
    /// in: a sign-up's confirmation retried by the consumer can arrive after its cancellation): a later
    /// one waits while an earlier one is retried, and all of them wait while the partner has no approved callback.
    /// </summary>
    public static Task<DueDelivery?> ClaimDueAsync(UnitOfWork work, DateTime now, CancellationToken ct) =>
        work.QuerySingleOrDefaultAsync<DueDelivery>(
            """
            SELECT d.id, d.type, d.signal_id AS SignalId, d.signup_id AS SignupId, d.activity_id AS ActivityId, d.occurrence_date AS OccurrenceDate,
                   d.status, d.changed_at AS ChangedAt, d.attempts, w.id AS WebhookId, w.url, w.secret
              FROM webhook_deliveries d JOIN partner_webhooks w ON w.partner = d.partner AND w.status = 'approved'
             WHERE d.delivered_at IS NULL AND d.next_attempt_at <= @now
               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.partner = d.partner AND e.delivered_at IS NULL AND (e.changed_at, e.id) < (d.changed_at, d.id))
             ORDER BY d.next_attempt_at, d.id
             LIMIT 1
             FOR UPDATE OF d SKIP LOCKED
            """, new { now }, cancellationToken: ct);

    public static Task RecordAttemptAsync(UnitOfWork work, DueDelivery delivery, DateTime at, int? statusCode, string? error, DateTime? nextAttemptAt, CancellationToken ct) =>
        work.ExecuteAsync(
            """
            INSERT INTO webhook_attempts (delivery_id, attempt, webhook_id, at, status_code, error) VALUES (@Id, @attempt, @WebhookId, @at, @statusCode, @error);
            UPDATE webhook_deliveries SET attempts = @attempt, last_attempt_at = @at, last_status_code = @statusCode, last_error = @error,
                   delivered_at = CASE WHEN @delivered THEN @at END, next_attempt_at = coalesce(@nextAttemptAt, next_attempt_at)
             WHERE id = @Id
            """,
            new { delivery.Id, delivery.WebhookId, attempt = delivery.Attempts + 1, at, statusCode, error, nextAttemptAt, delivered = nextAttemptAt is null }, cancellationToken: ct);
}

public sealed record DueDelivery(Guid Id, string Type, Guid? SignalId, Guid? SignupId, Guid? ActivityId, DateOnly? OccurrenceDate, string Status, DateTime ChangedAt, int Attempts,
    Guid WebhookId, string Url, string Secret)
{
    /// <summary>What the partner's system receives: its signal's change, or its client's sign-up's.</summary>
    public object Payload => Type == WebhookTypes.SignupStatusChanged
        ? new SignupWebhookPayload(Id, Type, SignupId!.Value, ActivityId!.Value, OccurrenceDate, Status, ChangedAt)
        : new WebhookPayload(Id, Type, SignalId!.Value, Status, ChangedAt);
}
