using System.Text.Json.Serialization;

namespace WijPlatform.Calendar.Model;

/// <summary>Something that happens in the neighbourhood centre: a games afternoon, a computer class, the café's warm meal.</summary>
public sealed record Activity(
    Guid Id,
    string Title,
    string Description,
    string Category,
    string? Room,
    string OrganiserKind,
    string? OrganiserName,
    DateTime StartsAt,
    DateTime EndsAt,
    int Capacity,
    int PriceCents,
    int? ReducedPriceCents,
    string? AccessibilityNotes,
    string TargetGroup,
    string? TargetPartner,
    Recurrence? Recurrence,
    string Status,
    string? CancelReason,
    DateTime CreatedAt)
{
    [JsonIgnore]
    public Schedule Schedule => new(Id, StartsAt, EndsAt, Room, Recurrence);

    public DateTime SeriesEndsAt => Schedule.LastEndsAt;

    [JsonIgnore]
    public bool IsCancelled => Status == ActivityStatus.Cancelled;

    /// <summary>The occurrence a sign-up or change refers to; a one-off activity has only its own date.</summary>
    public bool HasOccurrenceOn(DateOnly date) => Schedule.IsPlanned(date);
}

public static class ActivityStatus
{
    public const string Planned = "planned";
    public const string Cancelled = "cancelled";
}

public static class Organisers
{
    public const string Partner = "partner";
    public const string Resident = "resident";
    public const string Point = "point";
}

public static class TargetGroups
{
    public const string Everyone = "everyone";
    public const string PartnerClients = "partner-clients";
}

public sealed record Signup(
    Guid Id,
    Guid ActivityId,
    DateOnly? OccurrenceDate,
    string DisplayName,
    string? Phone,
    int Companions,
    string? AccessNeeds,
    bool NeedsRide,
    string Channel,
    Guid? ResidentId,
    Guid? ReferralId,
    string Status,
    int? Position,
    DateTime CreatedAt,
    string? PartnerOrg = null,
    string? ClientReference = null)
{
    [JsonIgnore]
    public int Seats => 1 + Companions;

    [JsonIgnore]
    public SeatClaim Claim => new(Id, OccurrenceDate, Seats);
}

public static class SignupStatus
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";

    /// <summary>A seat is free while fewer confirmed sign-ups than the capacity exist; otherwise the waiting list.</summary>
    public static string For(int confirmed, int capacity) => confirmed < capacity ? Confirmed : Waitlisted;
}

public static class SignupChannels
{
    public const string Self = "self";
    public const string Desk = "desk";
    public const string Referral = "referral";

    /// <summary>A partner organisation signed up one of its own clients (<see cref="Signup.PartnerOrg"/>).</summary>
    public const string Partner = "partner";
}

public static class AttendanceStatus
{
    public const string Attended = "attended";
    public const string NoShow = "no-show";
}

public sealed record Attendance(Guid SignupId, DateOnly OccurrenceDate, string Status, DateTime RecordedAt);

/// <summary>A resident's idea for an activity, until staff approve it (it becomes an activity) or decline it with a reason.</summary>
public sealed record Proposal(
    Guid Id,
    string Title,
    string Description,
    string Category,
    string ProposedBy,
    string? Phone,
    Guid? ResidentId,
    string? SuggestedTime,
    string Status,
    string? DeclineReason,
    Guid? ActivityId,
    DateTime CreatedAt);

public static class ProposalStatus
{
    public const string Proposed = "proposed";
    public const string Approved = "approved";
    public const string Declined = "declined";
}
