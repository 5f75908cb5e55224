namespace WijPlatform.Matching.Model;

/// <summary>
/// The certificate of conduct (Verklaring Omtrent het Gedrag). The law sets no expiry; like most
/// volunteer organisations the point asks for a new one every three years, counted from the issue date.
/// </summary>
public static class Vog
{
    public const string None = "none";
    public const string Requested = "requested";
    public const string Valid = "valid";
    public const int ValidYears = 3;

    public static readonly string[] Statuses = [None, Requested, Valid];

    public static DateOnly? ExpiresOn(string status, DateOnly? issuedOn) =>
        status == Valid && issuedOn is { } issued ? issued.AddYears(ValidYears) : null;

    /// <summary>A task inside a home may only go to a volunteer whose VOG is valid on the day of the task.</summary>
    public static bool IsValidOn(string status, DateOnly? issuedOn, DateOnly day) =>
        ExpiresOn(status, issuedOn) is { } expires && issuedOn <= day && day < expires;
}
