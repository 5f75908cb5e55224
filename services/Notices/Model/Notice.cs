namespace WijPlatform.Notices.Model;

/// <summary>
/// Something a resident or a volunteer must be told, once (one of ResidentId and VolunteerId is set).
/// Way is null while the person's way of contact is not known yet (the fact overtook the registration
/// on the broker); it is filled in when it arrives.
/// </summary>
public sealed record Notice(
    Guid Id,
    Guid? ResidentId,
    Guid? VolunteerId,
    string Kind,
    string Subject,
    string Text,
    string? Way,
    DateOnly DueOn,
    DateTime CreatedAt,
    DateTime? DoneAt,
    string? DoneBy,
    DateTime? SentAt)
{
    private Notice()
        : this(Guid.Empty, null, null, "", "", "", null, default, default, null, null, null)
    {
    }

    /// <summary>Told, posted or sent: nothing is left to do.</summary>
    public bool Done => DoneAt is not null || SentAt is not null;
}

/// <summary>A notice as the desk's call list shows it: who to phone, on which number, and the words to say.</summary>
public sealed record PhoneCall(Guid Id, Guid ResidentId, string Kind, string Name, string Phone, string Say, DateOnly DueOn, DateTime CreatedAt)
{
    private PhoneCall()
        : this(Guid.Empty, Guid.Empty, "", "", "", "", default, default)
    {
    }
}

/// <summary>What a letter or a message needs of the resident: name and where to reach them.</summary>
public sealed record Recipient(Guid ResidentId, string FirstName, string LastName, string PreferredContact, string? Phone, string? Email,
    string? Street, string HouseNumber, string Postcode, string? City)
{
    private Recipient()
        : this(Guid.Empty, "", "", "", null, null, null, "", "", null)
    {
    }

    public string Name => $"{FirstName} {LastName}";

    public string Way => ContactWay.For(PreferredContact, Phone, Email);
}

/// <summary>A volunteer's notice on the coordinator's list: whom to tell, on which number if they have one, and what.</summary>
public sealed record VolunteerCall(Guid Id, Guid VolunteerId, string Kind, string FirstName, string? Phone, string Tell, DateOnly DueOn, DateTime CreatedAt)
{
    private VolunteerCall()
        : this(Guid.Empty, Guid.Empty, "", "", null, "", default, default)
    {
    }
}

/// <summary>What a volunteer's notice needs of them: first name (volunteers are addressed by it) and where to reach them.</summary>
public sealed record VolunteerRecipient(Guid VolunteerId, string FirstName, string PreferredContact, string? Phone, string? Email)
{
    private VolunteerRecipient()
        : this(Guid.Empty, "", "", null, null)
    {
    }

    public string Way => ContactWay.ForVolunteer(PreferredContact, Phone, Email);
}

/// <summary>Whom a notice is for: a resident known to intake or a volunteer known to matching.</summary>
public readonly record struct Addressee(Guid Id, bool IsVolunteer)
{
    public static Addressee Resident(Guid id) => new(id, false);

    public static Addressee Volunteer(Guid id) => new(id, true);
}
