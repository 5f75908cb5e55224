namespace WijPlatform.Contracts;

/// <summary>
/// The coordinator registered a volunteer (or took on a resident's application), or the volunteer (or
/// the coordinator) changed how they want to be reached. The notices service keeps it to tell the
/// volunteer what concerns them (a certificate of conduct about to expire, a delivery round) in that
/// way: a text message, an email, or through the coordinator. Only the first name: volunteers are
/// addressed by it.
/// </summary>
/// <param name="RecordedAt">
/// When matching recorded it (UTC): the notices service keeps the newest, whatever order the messages
/// arrive in. Null in a message from a version before it, which is older than any that has it.
/// </param>
public sealed record VolunteerContactRecorded(
    Guid VolunteerId,
    [property: PersonalData] string FirstName,
    string PreferredContact,
    [property: PersonalData] string? Phone,
    [property: PersonalData] string? Email,
    DateTime? RecordedAt = null);

/// <summary>Matching warned a volunteer that their certificate of conduct (VOG) expires on <paramref name="ExpiresOn"/> or has expired: once per expiry date.</summary>
public sealed record VogExpiryWarned(Guid VolunteerId, DateOnly ExpiresOn, DateOnly WarnedOn);

/// <summary>A volunteer's personal data were erased (on their request, or as a resident who asked to be forgotten): whoever keeps a way to reach them forgets it.</summary>
public sealed record VolunteerErased(Guid VolunteerId);
