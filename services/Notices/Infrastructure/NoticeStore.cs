using MassTransit;

namespace WijPlatform.Notices.Infrastructure;

public sealed class NoticeStore(NpgsqlDataSource db)
{
    private const string Columns =
        "id, resident_id AS ResidentId, volunteer_id AS VolunteerId, kind, subject, text, way, due_on AS DueOn, created_at AS CreatedAt, done_at AS DoneAt, done_by AS DoneBy, sent_at AS SentAt";

    private const string RecipientColumns =
        "resident_id AS ResidentId, first_name AS FirstName, last_name AS LastName, preferred_contact AS PreferredContact, phone, email, street, " +
        "house_number AS HouseNumber, postcode, city";

    /// <summary>
    /// Keeps the resident's newest name and way of contact (by <paramref name="statedAt"/>, when intake
    /// recorded it: an older one arriving later changes nothing), and gives the notices that waited for
    /// it (the fact overtook the registration on the broker) their way.
    /// </summary>
    public static async Task SaveRecipientAsync(UnitOfWork work, Recipient recipient, DateTime? statedAt, DateTime at, CancellationToken cancellationToken)
    {
        await LockPersonAsync(work, recipient.ResidentId, cancellationToken);
        if (!await IsNewestAsync(work, "SELECT stated_at AS StatedAt FROM recipients WHERE resident_id = @Id", recipient.ResidentId, statedAt, cancellationToken))
        {
            return;
        }
        await work.ExecuteAsync(
            """
            INSERT INTO recipients (resident_id, first_name, last_name, preferred_contact, phone, email, street, house_number, postcode, city, recorded_at, stated_at)
            VALUES (@ResidentId, @FirstName, @LastName, @PreferredContact, @Phone, @Email, @Street, @HouseNumber, @Postcode, @City, @At, @StatedAt)
            ON CONFLICT (resident_id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name,
                preferred_contact = excluded.preferred_contact, phone = excluded.phone, email = excluded.email, street = excluded.street,
                house_number = excluded.house_number, postcode = excluded.postcode, city = excluded.city, recorded_at = excluded.recorded_at,
                stated_at = excluded.stated_at;
            UPDATE notices SET way = @Way WHERE resident_id = @ResidentId AND way IS NULL;
            """,
            new { recipient.ResidentId, recipient.FirstName, recipient.LastName, recipient.PreferredContact, recipient.Phone, recipient.Email,
                recipient.Street, recipient.HouseNumber, recipient.Postcode, recipient.City, At = at, StatedAt = ContactOrder.Utc(statedAt), recipient.Way }, cancellationToken);
    }

    /// <summary>
    /// Keeps the volunteer's newest first name and way of contact (by <paramref name="statedAt"/>, when
    /// matching recorded it: an older one arriving later changes nothing), and gives the notices that
    /// waited for it their way.
    /// </summary>
    public static async Task SaveVolunteerAsync(UnitOfWork work, VolunteerRecipient recipient, DateTime? statedAt, DateTime at, CancellationToken cancellationToken)
    {
        await LockPersonAsync(work, recipient.VolunteerId, cancellationToken);
        // An erased volunteer's contact that arrives late (redelivered, or overtaken by the erasure) stays forgotten.
        if (await work.QuerySingleOrDefaultAsync<Guid?>("SELECT volunteer_id FROM erased_volunteers WHERE volunteer_id = @Id", new { Id = recipient.VolunteerId }, cancellationToken) is not null
            || !await IsNewestAsync(work, "SELECT stated_at AS StatedAt FROM volunteer_recipients WHERE volunteer_id = @Id", recipient.VolunteerId, statedAt, cancellationToken))
        {
            return;
        }
        await work.ExecuteAsync(
            """
            INSERT INTO volunteer_recipients (volunteer_id, first_name, preferred_contact, phone, email, recorded_at, stated_at)
            VALUES (@VolunteerId, @FirstName, @PreferredContact, @Phone, @Email, @At, @StatedAt)
            ON CONFLICT (volunteer_id) DO UPDATE SET first_name = excluded.first_name, preferred_contact = excluded.preferred_contact,
                phone = excluded.phone, email = excluded.email, recorded_at = excluded.recorded_at, stated_at = excluded.stated_at;
            UPDATE notices SET way = @Way WHERE volunteer_id = @VolunteerId AND way IS NULL;
            """,
            new { recipient.VolunteerId, recipient.FirstName, recipient.PreferredContact, recipient.Phone, recipient.Email, At = at, StatedAt = ContactOrder.Utc(statedAt), recipient.Way },
            cancellationToken);
    }

    /// <summary>Whether a contact recorded at <paramref name="statedAt"/> replaces the one kept (under the person's lock); true when none is.</summary>
    private static async Task<bool> IsNewestAsync(UnitOfWork work, string keptQuery, Guid id, DateTime? statedAt, CancellationToken cancellationToken) =>
        await work.QuerySingleOrDefaultAsync<KeptContact>(keptQuery, new { Id = id }, cancellationToken) is not { } kept
            || ContactOrder.Replaces(kept.StatedAt, statedAt);

    /// <summary>
    /// Makes the notice of one fact for one resident or volunteer, once: <paramref name="sourceKey"/> names the fact,
    /// so the same fact published again under another message id makes no second notice.
    /// </summary>
    public static async Task AddAsync(UnitOfWork work, string sourceKey, Addressee to, string kind, (string Subject, string Text) words, DateOnly dueOn, DateTime at, CancellationToken cancellationToken)
    {
        await LockPersonAsync(work, to.Id, cancellationToken);
        var way = to.IsVolunteer
            ? (await work.QuerySingleOrDefaultAsync<VolunteerRecipient>(
                "SELECT volunteer_id AS VolunteerId, first_name AS FirstName, preferred_contact AS PreferredContact, phone, email FROM volunteer_recipients WHERE volunteer_id = @Id",
                new { to.Id }, cancellationToken))?.Way
            : (await work.QuerySingleOrDefaultAsync<Recipient>(
                $"SELECT {RecipientColumns} FROM recipients WHERE resident_id = @Id", new { to.Id }, cancellationToken))?.Way;
        await work.ExecuteAsync(
            """
            INSERT INTO notices (id, source_key, resident_id, volunteer_id, kind, subject, text, way, due_on, created_at)
            VALUES (@Id, @SourceKey, @ResidentId, @VolunteerId, @Kind, @Subject, @Text, @Way, @DueOn, @At)
            ON CONFLICT (source_key) DO NOTHING
            """,
            new
            {
                Id = NewId.NextGuid(), SourceKey = sourceKey, ResidentId = to.IsVolunteer ? (Guid?)null : to.Id, VolunteerId = to.IsVolunteer ? to.Id : (Guid?)null,
                Kind = kind, words.Subject, words.Text, Way = way, DueOn = dueOn, At = at,
            }, cancellationToken);
    }

    /// <summary>
    /// One transaction at a time per resident (or volunteer): a notice and the person's contact handled at the same
    /// moment would each miss the other's uncommitted row, leaving the notice without a way. After the
    /// lock, each statement (read committed) sees what the other committed.
    /// </summary>
    private static Task<int> LockPersonAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "SELECT pg_advisory_xact_lock(hashtextextended(@residentId::text, 7))", new { residentId }, cancellationToken);

    /// <summary>The desk's calls for <paramref name="today"/>: every call due by then that nobody has ticked off, oldest first.</summary>
    public async Task<Page<PhoneCall>> CallsAsync(DateOnly today, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await db.QueryPageAsync<CallRow>(
            "n.id, n.resident_id AS ResidentId, n.kind, r.first_name AS FirstName, r.last_name AS LastName, r.phone, n.text, n.due_on AS DueOn, n.created_at AS CreatedAt",
            "notices n JOIN recipients r ON r.resident_id = n.resident_id WHERE n.way = 'call' AND n.done_at IS NULL AND n.due_on <= @today",
            "n.due_on, n.created_at, n.id",
            new { today },
            page,
            cancellationToken);
        return new Page<PhoneCall>([.. rows.Items.Select(r => r.ToCall())], rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// <summary>The coordinator's list: volunteers to tell something (by phone, or in person), due by <paramref name="today"/> and not ticked off, oldest first.</summary>
    public Task<Page<VolunteerCall>> VolunteerCallsAsync(DateOnly today, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<VolunteerCall>(
            "n.id, n.volunteer_id AS VolunteerId, n.kind, v.first_name AS FirstName, v.phone, n.text AS Tell, n.due_on AS DueOn, n.created_at AS CreatedAt",
            "notices n JOIN volunteer_recipients v ON v.volunteer_id = n.volunteer_id WHERE n.way = 'call' AND n.done_at IS NULL AND n.due_on <= @today",
            "n.due_on, n.created_at, n.id",
            new { today },
            page,
            cancellationToken);

    public Task<Page<Notice>> OfVolunteerAsync(Guid volunteerId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Notice>(Columns, "notices WHERE volunteer_id = @volunteerId", "created_at, id", new { volunteerId }, page, cancellationToken);

    /// <summary>Letters not yet posted or handed over, oldest first.</summary>
    public Task<Page<Notice>> LettersAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Notice>(Columns, "notices WHERE way = 'letter' AND done_at IS NULL", "created_at, id", null, page, cancellationToken);

    public Task<Page<Notice>> OfResidentAsync(Guid residentId, PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Notice>(Columns, "notices WHERE resident_id = @residentId", "created_at, id", new { residentId }, page, cancellationToken);

    public async Task<(Notice Notice, Recipient? Recipient)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var notice = await connection.QuerySingleOrDefaultAsync<Notice>(new CommandDefinition(
            $"SELECT {Columns} FROM notices WHERE id = @id AND resident_id IS NOT NULL", new { id }, cancellationToken: cancellationToken));
        if (notice is null)
        {
            return null;
        }
        var recipient = await connection.QuerySingleOrDefaultAsync<Recipient>(new CommandDefinition(
            $"SELECT {RecipientColumns} FROM recipients WHERE resident_id = @ResidentId", notice, cancellationToken: cancellationToken));
        return (notice, recipient);
    }

    /// <summary>
    /// Ticks a call or a letter off, the desk's for residents or the coordinator's for volunteers: null when
    /// there is no such notice (for them), false when it was done before or is sent by the sender.
    /// </summary>
    public static async Task<bool?> MarkDoneAsync(UnitOfWork work, Guid id, bool ofVolunteer, string doneBy, DateTime at, CancellationToken cancellationToken)
    {
        var state = await work.QuerySingleOrDefaultAsync<string>(
            """
            WITH done AS (
                UPDATE notices SET done_at = @at, done_by = @doneBy
                WHERE id = @id AND (volunteer_id IS NOT NULL) = @ofVolunteer AND way IN ('call', 'letter') AND done_at IS NULL
                RETURNING 'done')
            SELECT 'done' FROM done
            UNION ALL SELECT 'exists' FROM notices WHERE id = @id AND (volunteer_id IS NOT NULL) = @ofVolunteer AND NOT EXISTS (SELECT 1 FROM done)
            """,
            new { id, ofVolunteer, doneBy, at }, cancellationToken);
        return state switch { "done" => true, "exists" => false, _ => null };
    }

    /// <summary>Messages the sender has not sent yet, locked for this transaction so that a second instance skips them.</summary>
    public static async Task<List<Unsent>> ClaimUnsentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Unsent>(new CommandDefinition(
            """
            SELECT n.id, n.way AS Channel, n.subject, n.text, n.volunteer_id IS NOT NULL AS ToVolunteer,
                   coalesce(r.first_name, v.first_name) AS FirstName, r.last_name AS LastName,
                   coalesce(r.email, v.email) AS Email, coalesce(r.phone, v.phone) AS Phone
            FROM notices n
            LEFT JOIN recipients r ON r.resident_id = n.resident_id
            LEFT JOIN volunteer_recipients v ON v.volunteer_id = n.volunteer_id
            WHERE n.way IN ('email', 'sms') AND n.sent_at IS NULL AND (r.resident_id IS NOT NULL OR v.volunteer_id IS NOT NULL)
            ORDER BY n.created_at, n.id
            LIMIT @limit
            FOR UPDATE OF n SKIP LOCKED
            """,
            new { limit }, transaction, cancellationToken: cancellationToken))).ToList();

    public static Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, DateTime at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notices SET sent_at = @at, attempts = attempts + 1 WHERE id = @id", new { id, at }, transaction, cancellationToken: cancellationToken));

    /// <summary>A resident asked to be forgotten: their way of contact and every notice to them go.</summary>
    public static Task EraseAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "DELETE FROM notices WHERE resident_id = @residentId; DELETE FROM recipients WHERE resident_id = @residentId;",
            new { residentId }, cancellationToken);

    /// <summary>A volunteer's data were erased: their way of contact and every notice to them go.</summary>
    /// <remarks>Under the person's lock, so a contact being saved at the same time is either erased with the rest or sees the erasure.</remarks>
    public static async Task EraseVolunteerAsync(UnitOfWork work, Guid volunteerId, CancellationToken cancellationToken)
    {
        await LockPersonAsync(work, volunteerId, cancellationToken);
        await work.ExecuteAsync(
            """
            DELETE FROM notices WHERE volunteer_id = @volunteerId;
            DELETE FROM volunteer_recipients WHERE volunteer_id = @volunteerId;
            INSERT INTO erased_volunteers (volunteer_id) VALUES (@volunteerId) ON CONFLICT DO NOTHING;
            """,
            new { volunteerId }, cancellationToken);
    }

    public sealed class Unsent
    {
        public Guid Id { get; init; }
        public string Channel { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Text { get; init; } = "";
        public bool ToVolunteer { get; init; }
        public string FirstName { get; init; } = "";
        public string? LastName { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }

        /// <summary>The address the message goes to: the email address or the phone number.</summary>
        public string To => (Channel == ContactWay.Sms ? Phone : Email)!;
    }

    private sealed class KeptContact
    {
        public DateTime? StatedAt { get; init; }
    }

    private sealed class CallRow
    {
        public Guid Id { get; init; }
        public Guid ResidentId { get; init; }
        public string Kind { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string Phone { get; init; } = "";
        public string Text { get; init; } = "";
        public DateOnly DueOn { get; init; }
        public DateTime CreatedAt { get; init; }

        public PhoneCall ToCall() => new(Id, ResidentId, Kind, $"{FirstName} {LastName}", Phone, NoticeTexts.Say(FirstName, LastName, Text), DueOn, CreatedAt);
    }
}
