namespace WijPlatform.Matching.Model;

/// <summary>pending → approved (active, with a valid VOG) or declined (with a reason for the resident).</summary>
public static class ApplicationStatus
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Declined = "declined";
}

/// <summary>A resident's own sign-up as a volunteer, as they and the coordinator see it.</summary>
public sealed record VolunteerApplication
{
    public Guid VolunteerId { get; init; }
    public string FirstName { get; init; } = "";
    public string[] Talents { get; init; } = [];
    public string[] OtherTalents { get; init; } = [];
    public string Postcode { get; init; } = "";
    public string Status { get; init; } = "";
    public string VogStatus { get; init; } = "";
    public string? DecisionReason { get; init; }
    public DateTime AppliedAt { get; init; }
}
