using WijPlatform.Matching.Model;

namespace WijPlatform.UnitTests.Matching;

/// <summary>Volunteers and requests as in the seeds: Zeist-Noord's walk and knitting lessons, a home visit in Groningen.</summary>
internal static class Seeds
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    // Tuesday 1 December 2026, 14:00 in Zeist (CET, UTC+1).
    public static readonly DateTime TuesdayAfternoonUtc = new(2026, 12, 1, 13, 0, 0, DateTimeKind.Utc);

    public static Volunteer Volunteer(
        string name, string postcode, string[] talents, string mode = "foot", WeeklyWindow[]? availability = null, string[]? other = null,
        int maxActive = 2, string vog = "none", DateOnly? vogIssued = null, string[]? languages = null, Absence[]? absences = null, string? gender = "female") =>
        new(Guid.NewGuid(), null, name, talents, other ?? [], postcode, null, mode, TravelModes.Reach(mode, null),
            availability ?? [new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(13, 0), new TimeOnly(17, 0))],
            absences ?? [], languages ?? ["nl"], gender, null, maxActive, vog, vogIssued, true, DateTime.UtcNow);

    public static VolunteerRequest Request(
        string talent, string postcode, DateTime? wantedAt = null, DayOfWeek? weeklyDay = null, int? weeklyStart = null, bool insideHome = false,
        string? language = null, string? gender = null, Guid? residentId = null, string urgency = "normal", DateTime? createdAt = null) =>
        new(Guid.NewGuid(), "intake", Guid.NewGuid(), residentId, null, talent, postcode, null, wantedAt, weeklyDay, weeklyStart, 60, urgency,
            insideHome, language, gender, "Riet", "Lindenlaan", RequestStatus.Open, createdAt ?? DateTime.UtcNow, null);

    public static CandidateIndex Index(params Volunteer[] volunteers)
    {
        var index = new CandidateIndex(PostcodeMap.Shipped);
        foreach (var volunteer in volunteers)
        {
            index.Add(volunteer);
        }
        return index;
    }
}
