namespace WijPlatform.Calendar.Model;

/// <summary>Something that happens in the neighbourhood centre: a games afternoon, a computer class, the café's warm meal.</summary>
public sealed record Activity(
    Guid Id,
    string Title,
    string Description,
    string Category,
    string? Room,
    DateTime StartsAt,
    DateTime EndsAt,
    int Capacity,
    DateTime CreatedAt);

public sealed record Signup(Guid Id, Guid ActivityId, string DisplayName, string? Phone, string Status, DateTime CreatedAt);

public static class SignupStatus
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";

    /// <summary>A seat is free while fewer confirmed sign-ups than the capacity exist; otherwise the waiting list.</summary>
    public static string For(int confirmed, int capacity) => confirmed < capacity ? Confirmed : Waitlisted;
}
