namespace WijPlatform.Calendar.Model;

/// <summary>
/// A partner organisation's client as the partner names them for a sign-up: a first name and the
/// partner's own reference for the client (never a BSN), so the partner can tell its clients apart.
/// </summary>
public sealed record PartnerClient(
    [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
    [property: Required, StringLength(50, MinimumLength = 1)] string ClientReference);

/// <summary>What a partner sees of a sign-up of one of its clients.</summary>
public sealed record PartnerSignup(Guid Id, Guid ActivityId, DateOnly? OccurrenceDate, string FirstName, string ClientReference, string Status, int? Position, DateTime CreatedAt)
{
    public static PartnerSignup Of(Signup signup) =>
        new(signup.Id, signup.ActivityId, signup.OccurrenceDate, signup.DisplayName, signup.ClientReference ?? "", signup.Status, signup.Position, signup.CreatedAt);
}
