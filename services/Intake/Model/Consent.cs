namespace WijPlatform.Intake.Model;

/// <summary>A resident's consent to share their data for one purpose with one recipient, until withdrawn.</summary>
public sealed record Consent(Guid Id, Guid ResidentId, string Purpose, string Recipient, DateTime GivenAt, string RecordedBy, DateTime? WithdrawnAt)
{
    public bool IsActive => WithdrawnAt is null;
}

public static class ConsentPurposes
{
    /// <summary>A volunteer learns the resident's first name and street (matching passes them on).</summary>
    public const string ShareWithVolunteer = "share-with-volunteer";

    /// <summary>The calendar keeps the resident's name and phone on a sign-up.</summary>
    public const string ActivitySignup = "activity-signup";

    /// <summary>The café delivers a meal to the resident's home.</summary>
    public const string MealDelivery = "meal-delivery";

    /// <summary>A named partner organisation receives the resident's question.</summary>
    public const string ShareWithPartner = "share-with-partner";

    public static readonly string[] All = [ShareWithVolunteer, ActivitySignup, MealDelivery, ShareWithPartner];

    /// <summary>Who receives the data for a purpose; a partner referral names its own recipient.</summary>
    public static string? FixedRecipient(string purpose) => purpose switch
    {
        ShareWithVolunteer => "matching",
        ActivitySignup => "calendar",
        MealDelivery => "cafe",
        _ => null,
    };

    public static bool Covers(IEnumerable<Consent> consents, string purpose, string recipient) =>
        consents.Any(c => c.IsActive && c.Purpose == purpose && string.Equals(c.Recipient, recipient, StringComparison.OrdinalIgnoreCase));
}
