namespace WijPlatform.Matching.Model;

/// <summary>A resident who offers a talent to neighbours: a walk, knitting lessons, computer help, an odd job.</summary>
public sealed record Volunteer(
    Guid Id,
    Guid? ResidentId,
    string FirstName,
    string[] Talents,
    string[] OtherTalents,
    string Postcode,
    string? Street,
    string TravelMode,
    double MaxDistanceKm,
    WeeklyWindow[] Availability,
    Absence[] Absences,
    string[] Languages,
    string? Gender,
    string? Preferences,
    int MaxActiveMatches,
    string VogStatus,
    DateOnly? VogIssuedOn,
    bool Active,
    DateTime CreatedAt)
{
    public DateOnly? VogExpiresOn => Vog.ExpiresOn(VogStatus, VogIssuedOn);
}

/// <summary>How a volunteer travels, and the furthest each way of travelling sensibly reaches.</summary>
public static class TravelModes
{
    /// <summary>How the volunteer travels, as a word in a sentence for people.</summary>
    public static readonly WordSet Words = new("matching.travel-mode.", ["foot", "bike", "car"]);

    public static readonly IReadOnlyDictionary<string, double> MaxKm = new Dictionary<string, double>
    {
        ["foot"] = 3,
        ["bike"] = 10,
        ["car"] = 30,
    };

    public const double FurthestKm = 30;

    /// <summary>The volunteer's own limit, never beyond what the way of travelling reaches.</summary>
    public static double Reach(string mode, double? wantedKm) =>
        Math.Min(MaxKm[mode], wantedKm ?? MaxKm[mode]);
}
