using WijPlatform.Contracts;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// What every service does with its messages when a resident is erased: it remembers the resident's
/// id (only the id; table erased_residents), drops the messages about them that still wait in its
/// outbox with personal data, takes the personal fields out of any sent row that names them, and
/// leaves alone a message with personal data about them that arrives afterwards. Stored answers to
/// Idempotency-Keys that name the resident go as well; the keys stay, so a retry afterwards is told
/// the answer was lost instead of registering the resident again.
/// </summary>
public static class ErasedResidents
{
    /// <summary>Message types that carry personal data and name the resident they are about.</summary>
    private static readonly Type[] PersonalTypes = MessageRoutes.Consumers.Keys
        .Where(t => PersonalFields.Of(t).Length > 0 && t.GetProperty("ResidentId") is not null)
        .ToArray();

    private static readonly string[] PersonalTypeNames = PersonalTypes.Select(TypeNames.Of).ToArray();

    private static readonly string[] PersonalKeys = PersonalTypes.SelectMany(PersonalFields.Of).Distinct().ToArray();

    public static Task ForgetAsync(UnitOfWork work, Guid residentId, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            """
            INSERT INTO erased_residents (resident_id) VALUES (@residentId) ON CONFLICT DO NOTHING;
            DELETE FROM outbox_messages WHERE sent_at IS NULL AND message_type = ANY(@types) AND body->>'residentId' = @id;
            UPDATE outbox_messages SET body = body - @keys WHERE sent_at IS NOT NULL AND message_type = ANY(@types) AND body->>'residentId' = @id;
            UPDATE idempotency_keys SET status = NULL, content_type = NULL, location = NULL, answer = NULL WHERE position(convert_to(@id, 'UTF8') IN answer) > 0;
            """,
            new { residentId, id = residentId.ToString(), types = PersonalTypeNames, keys = PersonalKeys },
            cancellationToken: cancellationToken);

    /// <summary>The resident <paramref name="message"/> carries personal data about, or null when it carries none.</summary>
    public static Guid? PersonalDataSubject(object message) =>
        PersonalFields.Of(message.GetType()).Length > 0 ? PersonalFields.ResidentOf(message) : null;

    /// <summary>Whether the resident is among the erased, as an SQL expression over the parameter <c>@residentId</c>.</summary>
    public const string IsErasedSql = "EXISTS (SELECT 1 FROM erased_residents WHERE resident_id = @residentId)";
}
