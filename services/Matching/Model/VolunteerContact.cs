namespace WijPlatform.Matching.Model;

/// <summary>
/// How a volunteer wants to hear what concerns them (a certificate of conduct about to expire, a
/// delivery round): a text message, an email, a phone call, or through the coordinator (the default:
/// many deliverers work under supervision and have no phone of their own). Matching does not keep it;
/// it passes it on to the notices service, which tells the volunteer, at registration and whenever the
/// volunteer (or the coordinator) changes it.
/// </summary>
public sealed record VolunteerContact(string? PreferredContact, string? Phone, string? Email)
{
    public const string ThroughCoordinator = "coordinator";

    public void Validate(Dictionary<string, Text> errors)
    {
        if (PreferredContact is "sms" or "phone" && string.IsNullOrWhiteSpace(Phone))
        {
            errors["phone"] = "matching.preferred-contact-needs-phone";
        }
        if (PreferredContact == "email" && string.IsNullOrWhiteSpace(Email))
        {
            errors["email"] = "matching.preferred-contact-needs-email";
        }
    }

    /// <param name="recordedAt">When it was recorded: the notices service keeps the newest.</param>
    public VolunteerContactRecorded RecordedFor(Volunteer volunteer, DateTime recordedAt) =>
        new(volunteer.Id, volunteer.FirstName, PreferredContact ?? ThroughCoordinator, Blank(Phone), Blank(Email), recordedAt);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
