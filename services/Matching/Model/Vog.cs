namespace WijPlatform.Matching.Model;

/// <summary>
/// The certificate of conduct (Verklaring Omtrent het Gedrag). The law sets no expiry; like most
/// volunteer organisations the point asks for a new one every three years, counted from the issue date.
/// </summary>
public static class Vog
{
    /// <summary>How long before expiry volunteers are warned: a new VOG takes a few weeks to arrive.</summary>
    public const int DefaultWarnDays = 60;

    public const string None = "none";
    public const string Requested = "requested";
    public const string Valid = "valid";
    public const int ValidYears = 3;

    public static readonly string[] Statuses = [None, Requested, Valid];

    public static DateOnly? ExpiresOn(string status, DateOnly? issuedOn) =>
        status == Valid && issuedOn is { } issued ? issued.AddYears(ValidYears) : null;

    /// <summary>
    /// Whether the volunteer should be warned on <paramref name="today"/>: their valid VOG expires within
    /// <paramref name="warnDays"/> days or has expired. Recording the warning per expiry date makes it once.
    /// </summary>
    public static bool NeedsWarning(string status, DateOnly? issuedOn, DateOnly today, int warnDays) =>
        ExpiresOn(status, issuedOn) is { } expires && expires <= today.AddDays(warnDays);

    /// <summary>What the volunteer reads (informal, as volunteers are addressed).</summary>
    public static Text Warning(DateOnly expiresOn, DateOnly today) =>
        new(expiresOn <= today ? "matching.vog.expired" : "matching.vog.expires", expiresOn);

    /// <summary>A task inside a home may only go to a volunteer whose VOG is valid on the day of the task.</summary>
    public static bool IsValidOn(string status, DateOnly? issuedOn, DateOnly day) =>
        ExpiresOn(status, issuedOn) is { } expires && issuedOn <= day && day < expires;
}
