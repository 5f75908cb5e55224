namespace WijPlatform.Contracts;

/// <summary>
/// The desk registered a resident and how they want to be reached. The notices service keeps it to
/// tell the resident what happens to them (a seat freed on a waiting list, a meal delivery decided)
/// in that way: a phone call from the desk, an email, or a letter. Sent again when the desk records a
/// new number or a move.
/// </summary>
/// <param name="RecordedAt">
/// When intake recorded it (UTC): the notices service keeps the newest, whatever order the messages
/// arrive in. Null in a message from a version before it, which is older than any that has it.
/// </param>
public sealed record ResidentContactRecorded(
    Guid ResidentId,
    [property: PersonalData] string FirstName,
    [property: PersonalData] string LastName,
    string PreferredContact,
    [property: PersonalData] string? Phone,
    [property: PersonalData] string? Email,
    [property: PersonalData] string? Street,
    [property: PersonalData] string HouseNumber,
    [property: PersonalData] string Postcode,
    [property: PersonalData] string? City,
    DateTime? RecordedAt = null);
