namespace WijPlatform.Matching.Model;

/// <summary>A local business that asks for volunteers (plant boxes for the shopkeepers): its name and who to talk to there.</summary>
public sealed record Business(Guid Id, string Name, string ContactPerson, string? Contact, string? Postcode, DateTime CreatedAt);
