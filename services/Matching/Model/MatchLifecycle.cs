namespace WijPlatform.Matching.Model;

/// <summary>
/// proposed → introduced → active → evaluated → ended. Before it is active either side may decline
/// (no blame is recorded, only who); an active or evaluated match may end at any time.
/// </summary>
public static class MatchStatus
{
    public const string Proposed = "proposed";
    public const string Introduced = "introduced";
    public const string Active = "active";
    public const string Evaluated = "evaluated";
    public const string Ended = "ended";
    public const string Declined = "declined";

    /// <summary>Matches that hold the volunteer's time and count against their maximum.</summary>
    public static readonly string[] Holding = [Proposed, Introduced, Active, Evaluated];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Introduced] = [Proposed],
        [Active] = [Introduced],
        [Evaluated] = [Active],
        [Ended] = [Active, Evaluated],
        [Declined] = [Proposed, Introduced],
    };

    public static bool CanMove(string from, string to) => Allowed.TryGetValue(to, out var sources) && Array.IndexOf(sources, from) >= 0;
}

/// <summary>A volunteer is overloaded with more matches than they said they could take, or many hours lately.</summary>
public static class Workload
{
    public const double MaxHoursPer4Weeks = 32;

    public static bool IsOverloaded(int activeMatches, int maxActiveMatches, double hoursLast4Weeks) =>
        activeMatches > maxActiveMatches || hoursLast4Weeks > MaxHoursPer4Weeks;
}

/// <summary>How long a request may wait for a volunteer before intake is told it is unmatched; urgent ones sooner.</summary>
public sealed class UnmatchedOptions
{
    public TimeSpan Normal { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan High { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan Crisis { get; set; } = TimeSpan.FromHours(4);

    public TimeSpan Low { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan WaitFor(string urgency) => urgency switch
    {
        "crisis" => Crisis,
        "high" => High,
        "low" => Low,
        _ => Normal,
    };

    public bool IsOverdue(VolunteerRequest request, DateTime nowUtc) =>
        request.Status == RequestStatus.Open && request.UnmatchedReportedAt is null && nowUtc - request.CreatedAt >= WaitFor(request.Urgency);
}
