namespace WijPlatform.Intake.Model;

/// <summary>An address where residents live together; one plan belongs to it.</summary>
public sealed record Household(Guid Id, string Postcode, string HouseNumber, string? Street, string? City, string? Neighbourhood, DateTime CreatedAt);

/// <summary>
/// A resident as the desk knows them. Email and phone are optional: many residents have neither
/// email nor smartphone and prefer a visit or the desk. After erasure only the ids remain.
/// </summary>
public sealed record Resident(
    Guid Id,
    Guid? HouseholdId,
    string? FirstName,
    string? LastName,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Email,
    string? PreferredContact,
    string? Postcode,
    string? HouseNumber,
    string? Street,
    string? City,
    string? Neighbourhood,
    DateTime? ErasedAt,
    DateTime CreatedAt)
{
    public static readonly string[] ContactWays = ["phone", "sms", "email", "letter", "home-visit", "desk", "via-informal-carer"];

    /// <summary>True when the address, the contact data and the household were left out because the resident belongs to another neighbourhood team.</summary>
    public bool Limited { get; init; }

    /// <summary>
    /// What a professional of another team may know, so that nobody registers the resident twice:
    /// the name, the date of birth and the team to ask. Not how to reach them, where they live or
    /// with whom.
    /// </summary>
    public Resident SeenFromAnotherTeam() => this with
    {
        HouseholdId = null, Phone = null, Email = null, PreferredContact = null, Postcode = null, HouseNumber = null, Street = null, City = null, Limited = true,
    };
}

/// <summary>A professional of the neighbourhood team who can be a household's regisseur.</summary>
public sealed record Professional(Guid Id, string Name, string Organisation, string Role, DateTime CreatedAt);

/// <summary>Who coordinates all support for a household: its one regisseur.</summary>
public sealed record HouseholdRegisseur(Guid HouseholdId, Guid RegisseurId, string Name, string Organisation)
{
    public static HouseholdRegisseur Of(Guid householdId, Professional regisseur) => new(householdId, regisseur.Id, regisseur.Name, regisseur.Organisation);
}
