namespace WijPlatform.Notices.Model;

/// <summary>
/// Which way of contact the notices service keeps when the messages that carry a person's contact
/// arrive out of order or again: the newest by when its owner (intake, matching) recorded it. A message
/// from a version before the stamp (null) is older than any stamped one; between two unstamped ones
/// the later arrival wins, as it did before the stamp.
/// </summary>
public static class ContactOrder
{
    /// <param name="kept">When the contact kept now was recorded (null: before the stamp).</param>
    /// <param name="arriving">When the arriving contact was recorded (null: before the stamp).</param>
    public static bool Replaces(DateTime? kept, DateTime? arriving) =>
        kept is not { } current || (arriving is { } next && AsUtc(next) >= AsUtc(current));

    /// <summary>The stamp as UTC: a message's time without a zone is UTC, as every service writes it.</summary>
    public static DateTime? Utc(DateTime? stamp) => stamp is { } at ? AsUtc(at) : null;

    private static DateTime AsUtc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };
}
