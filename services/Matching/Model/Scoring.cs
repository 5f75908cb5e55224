using System.Collections;
using System.Collections.Frozen;
using System.Globalization;

namespace WijPlatform.Matching.Model;

/// <summary>What a request asks, prepared once so that scoring thousands of volunteers allocates nothing.</summary>
public sealed class RankingQuery
{
    public RankingQuery(VolunteerRequest request, DateOnly today, IReadOnlySet<Guid>? knownVolunteers = null, IReadOnlySet<Guid>? excluded = null)
    {
        Talent = Talents.Normalise(request.Talent);
        Rotation = (uint)request.Id.GetHashCode();
        Postcode = request.Postcode;
        Time = request.Time;
        TaskDay = Time?.Date ?? today;
        NeedsVog = request.InsideHome || Talents.InsideHome.Contains(Talent);
        PreferredLanguage = request.PreferredLanguage;
        PreferredGender = request.PreferredGender;
        KnownVolunteers = knownVolunteers ?? FrozenSet<Guid>.Empty;
        Excluded = excluded ?? FrozenSet<Guid>.Empty;
    }

    public string Talent { get; }

    /// <summary>Where this request starts in a long list of volunteers, so that requests do not all weigh the same few first.</summary>
    public uint Rotation { get; }
    public string Postcode { get; }
    public TaskTime? Time { get; }
    public DateOnly TaskDay { get; }
    public bool NeedsVog { get; }
    public string? PreferredLanguage { get; }
    public string? PreferredGender { get; }
    public IReadOnlySet<Guid> KnownVolunteers { get; }
    public IReadOnlySet<Guid> Excluded { get; }
}

/// <summary>The measured facts behind one volunteer's score for one request.</summary>
public readonly record struct ScoreParts(
    double TalentFit, double DistanceKm, double Availability, int ActiveMatches, int MaxActiveMatches, bool KnownToResident, bool LanguageFit, bool NeedsVog)
{
    public double DistanceScore => Scoring.DistanceScore(DistanceKm);
    public double LoadScore => MaxActiveMatches <= 0 ? 0 : 1.0 - (double)ActiveMatches / MaxActiveMatches;

    public double Total =>
        Scoring.TalentWeight * TalentFit +
        Scoring.DistanceWeight * DistanceScore +
        Scoring.AvailabilityWeight * Availability +
        Scoring.LoadWeight * LoadScore +
        Scoring.ContinuityWeight * (KnownToResident ? 1 : 0) +
        Scoring.LanguageWeight * (LanguageFit ? 1 : 0);
}

/// <summary>One part of a score with the points it gave, in words for the coordinator (worded in their language at the edge).</summary>
public sealed record Reason(string Code, double Points, Text Detail);

/// <summary>A ranked volunteer and why; <paramref name="Proposed"/> marks the one proposed for the request now.</summary>
public sealed record Candidate(Guid VolunteerId, string FirstName, double Score, double DistanceKm, int ActiveMatches, IReadOnlyList<Reason> Reasons, bool Proposed = false);

/// <summary>
/// How well a volunteer fits a request: hard rules first (talent, reach, room for another match,
/// VOG for tasks inside a home, holidays, the resident's gender preference), then a score of 0–1
/// from weighted parts. Load weighs in so that work is spread instead of always going to the same few.
/// </summary>
public static class Scoring
{
    public const double TalentWeight = 0.25;
    public const double DistanceWeight = 0.25;
    public const double AvailabilityWeight = 0.20;
    public const double LoadWeight = 0.15;
    public const double ContinuityWeight = 0.10;
    public const double LanguageWeight = 0.05;

    /// <summary>A free-text talent is the volunteer's own description, not one the coordinator listed.</summary>
    public const double FreeTextFit = 0.7;

    /// <summary>Distance counts down to nothing at this many kilometres, whatever the volunteer's reach.</summary>
    public const double DistanceHorizonKm = 10;

    /// <summary>A volunteer who gave no availability is asked; half the availability points.</summary>
    public const double UnknownAvailability = 0.5;

    public static double DistanceScore(double km) => 1.0 - Math.Min(km, DistanceHorizonKm) / DistanceHorizonKm;

    /// <summary>The best score any volunteer this far away can reach: lets the ranking stop looking further.</summary>
    public static double UpperBound(double km) => 1.0 - DistanceWeight * (1.0 - DistanceScore(km));

    public static bool TryScore(RankingQuery query, Volunteer volunteer, double talentFit, double distanceKm, int activeMatches, out ScoreParts parts)
    {
        parts = default;
        if (!volunteer.Active || distanceKm > volunteer.MaxDistanceKm || activeMatches >= volunteer.MaxActiveMatches || query.Excluded.Contains(volunteer.Id))
        {
            return false;
        }
        if (query.NeedsVog && !Vog.IsValidOn(volunteer.VogStatus, volunteer.VogIssuedOn, query.TaskDay))
        {
            return false;
        }
        if (query.PreferredGender is { } gender && !string.Equals(volunteer.Gender, gender, StringComparison.Ordinal))
        {
            return false;
        }
        double availability;
        if (query.Time is not { } time)
        {
            availability = 1;
        }
        else
        {
            if (time.Date is { } date && Availability.IsAway(volunteer.Absences, date))
            {
                return false;
            }
            availability = volunteer.Availability.Length == 0 ? UnknownAvailability : Model.Availability.Overlap(volunteer.Availability, time);
            if (availability == 0)
            {
                return false;
            }
        }
        var languageFit = query.PreferredLanguage is not { } language || Array.IndexOf(volunteer.Languages, language) >= 0;
        parts = new ScoreParts(talentFit, distanceKm, availability, activeMatches, volunteer.MaxActiveMatches, query.KnownVolunteers.Contains(volunteer.Id), languageFit, query.NeedsVog);
        return true;
    }

    /// <summary>The reasons a coordinator reads next to the score, each with the points it gave.</summary>
    public static IReadOnlyList<Reason> Explain(ScoreParts parts, Volunteer volunteer)
    {
        var reasons = new List<Reason>
        {
            new("talent", TalentWeight * parts.TalentFit, parts.TalentFit >= 1 ? "matching.reason.talent-offered" : "matching.reason.talent-own-words"),
            new("distance", DistanceWeight * parts.DistanceScore,
                new Text("matching.reason.distance", parts.DistanceKm, volunteer.MaxDistanceKm, TravelModes.Words.Of(volunteer.TravelMode))),
            new("availability", AvailabilityWeight * parts.Availability, volunteer.Availability.Length == 0
                ? "matching.reason.no-availability"
                : new Text("matching.reason.availability", parts.Availability)),
            new("load", LoadWeight * parts.LoadScore, new Text("matching.reason.load", parts.ActiveMatches, parts.MaxActiveMatches)),
        };
        if (parts.KnownToResident)
        {
            reasons.Add(new("continuity", ContinuityWeight, "matching.reason.continuity"));
        }
        reasons.Add(new("language", LanguageWeight * (parts.LanguageFit ? 1 : 0), parts.LanguageFit ? "matching.reason.language-fit" : "matching.reason.language-misfit"));
        if (parts.NeedsVog)
        {
            reasons.Add(new("vog", 0, new Text("matching.reason.vog", volunteer.VogExpiresOn)));
        }
        return reasons;
    }
}

/// <summary>
/// A candidate's reasons, written out when first read. Proposing for a whole queue keeps every
/// proposal; spelling out the reasons of each there and then would keep a kilobyte of text per
/// proposal alive, and collecting that dominated the run at 100,000 requests.
/// </summary>
internal sealed class Explanation(ScoreParts parts, Volunteer volunteer) : IReadOnlyList<Reason>
{
    private IReadOnlyList<Reason>? _reasons;

    private IReadOnlyList<Reason> Reasons => _reasons ??= Scoring.Explain(parts, volunteer);

    public Reason this[int index] => Reasons[index];

    public int Count => Reasons.Count;

    public IEnumerator<Reason> GetEnumerator() => Reasons.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class TalentFit
{
    /// <summary>1 for a listed talent, <see cref="Scoring.FreeTextFit"/> for one in the volunteer's own words, 0 otherwise.</summary>
    public static double Of(Volunteer volunteer, string talent) =>
        Array.IndexOf(volunteer.Talents, talent) >= 0 ? 1 : Array.IndexOf(volunteer.OtherTalents, talent) >= 0 ? Scoring.FreeTextFit : 0;
}
