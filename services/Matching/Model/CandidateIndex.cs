using System.Runtime.InteropServices;

namespace WijPlatform.Matching.Model;

/// <summary>
/// Volunteers indexed by talent, PC4 area and weekday, for ranking in well under a millisecond.
/// A request only looks at volunteers with its talent who are available on its day (or gave no
/// availability), area by area in order of distance. It stops when no volunteer further away could
/// beat the best found (the score falls with distance), or when its budget is spent: enough eligible
/// volunteers weighed, or enough looked at. Where more volunteers are near than the budget allows, a
/// request starts at its own place in each list, so that over many requests everyone gets a turn.
/// A volunteer at their maximum leaves the index. So the work per request is bounded by a constant,
/// not by the number of volunteers, and proposing for every open request grows linearly.
/// Most volunteers looked at do not qualify (their windows miss the hour asked, no VOG, out of reach),
/// and of those who do, few can beat the best found so far: each list entry carries the facts that
/// decide both, so that they are settled from one sequential read instead of a walk through the
/// volunteer's objects scattered over a large heap. Only volunteers who may enter the ranking are scored.
/// </summary>
public sealed class CandidateIndex
{
    private readonly PostcodeMap _map;
    private readonly List<Volunteer> _volunteers = [];
    private readonly List<int> _active = [];
    private readonly Dictionary<Guid, int> _positionById = [];
    private readonly Dictionary<string, List<Entry>[]> _listed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>[]> _freeText = new(StringComparer.Ordinal);

    // Per talent, per area: one list per weekday with a window, one for volunteers who gave none, one with everyone.
    private const int NoWindows = 7;
    private const int Everyone = 8;
    private const int Slots = 9;

    public CandidateIndex(PostcodeMap map, int maxEligible = 100, int maxWeighed = 1_000)
    {
        _map = map;
        MaxEligible = maxEligible;
        MaxWeighed = maxWeighed;
    }

    /// <summary>Eligible volunteers scored per request before it settles for the best so far.</summary>
    public int MaxEligible { get; }

    /// <summary>Volunteers looked at per request (eligible or not) before it settles: bounds the work for requests hard to match.</summary>
    public int MaxWeighed { get; }

    public int Count => _volunteers.Count;

    /// <summary>Volunteers looked at by all rankings so far (eligible or not): shows how much the pruning saves.</summary>
    public long Weighed { get; private set; }

    public void Add(Volunteer volunteer, int activeMatches = 0)
    {
        var area = _map.IndexOf(volunteer.Postcode);
        if (area < 0 || _positionById.ContainsKey(volunteer.Id))
        {
            return;
        }
        var position = _volunteers.Count;
        _volunteers.Add(volunteer);
        _active.Add(activeMatches);
        _positionById[volunteer.Id] = position;
        if (activeMatches < volunteer.MaxActiveMatches)
        {
            ForEachList(position, (list, slot) => list.Add(new Entry(position, volunteer, slot)));
        }
    }

    /// <summary>A new match counts against the volunteer's load straight away, so that the next request spreads the work.</summary>
    public void AddActive(Guid volunteerId)
    {
        if (_positionById.TryGetValue(volunteerId, out var position) && ++_active[position] == _volunteers[position].MaxActiveMatches)
        {
            ForEachList(position, (list, _) => list.RemoveAt(list.FindIndex(e => e.Position == position)));
        }
    }

    public int ActiveMatches(Guid volunteerId) => _positionById.TryGetValue(volunteerId, out var p) ? _active[p] : 0;

    public IReadOnlyList<Candidate> Rank(RankingQuery query, int count = 10)
    {
        var origin = _map.IndexOf(query.Postcode);
        if (origin < 0 || count <= 0)
        {
            return [];
        }
        _listed.TryGetValue(query.Talent, out var listed);
        _freeText.TryGetValue(query.Talent, out var freeText);
        if (listed is null && freeText is null)
        {
            return [];
        }

        var best = new TopList(count);
        var budget = new Budget(MaxEligible, MaxWeighed, query.Rotation);
        var (first, second) = query.Time is { } time ? ((int)time.Day, NoWindows) : (Everyone, -1);
        foreach (var (area, km) in _map.Reachable(origin))
        {
            if (budget.Spent || (best.IsFull && Scoring.UpperBound(km) <= best.Lowest))
            {
                break;
            }
            foreach (var slot in (ReadOnlySpan<int>)[first, second])
            {
                if (slot >= 0)
                {
                    Weigh(query, listed?[area * Slots + slot], 1.0, km, best, ref budget);
                    Weigh(query, freeText?[area * Slots + slot], Scoring.FreeTextFit, km, best, ref budget);
                }
            }
        }
        Weighed += budget.Weighed;
        return best.Ordered().Select(e =>
        {
            var volunteer = _volunteers[e.Position];
            return new Candidate(volunteer.Id, volunteer.FirstName, Math.Round(e.Parts.Total, 3), Math.Round(e.Parts.DistanceKm, 1), e.Parts.ActiveMatches, new Explanation(e.Parts, volunteer));
        }).ToList();
    }

    private void Weigh(RankingQuery query, List<Entry>? bucket, double talentFit, double km, TopList best, ref Budget budget)
    {
        if (bucket is null || bucket.Count == 0)
        {
            return;
        }
        var entries = CollectionsMarshal.AsSpan(bucket);
        var start = (int)(budget.Rotation % (uint)entries.Length);
        var facts = new QueryFacts(query, talentFit, km);
        Weigh(query, entries[start..], facts, best, ref budget);
        Weigh(query, entries[..start], facts, best, ref budget);
    }

    private void Weigh(RankingQuery query, ReadOnlySpan<Entry> entries, in QueryFacts facts, TopList best, ref Budget budget)
    {
        for (var i = 0; i < entries.Length && !budget.Spent; i++)
        {
            ref readonly var entry = ref entries[i];
            budget.Weighed++;
            var verdict = entry.Judge(facts, out var availability);
            if (verdict == Verdict.No)
            {
                continue;
            }
            var active = _active[entry.Position];
            if (verdict == Verdict.Yes && best.IsFull && facts.UpperBound(availability, active, entry.MaxActive) <= best.Lowest)
            {
                // Eligible, but could not enter the list: counts against the budget exactly as if it had been scored.
                budget.Eligible++;
                continue;
            }
            if (Scoring.TryScore(query, _volunteers[entry.Position], facts.TalentFit, facts.Km, active, out var parts))
            {
                budget.Eligible++;
                best.Offer(entry.Position, parts);
            }
        }
    }

    private enum Verdict
    {
        /// <summary><see cref="Scoring.TryScore"/> would turn the volunteer down.</summary>
        No,

        /// <summary><see cref="Scoring.TryScore"/> would accept the volunteer, with at most this availability.</summary>
        Yes,

        /// <summary>The entry cannot tell (a preference, an exclusion, an absence, many windows): score it.</summary>
        Ask,
    }

    /// <summary>What every entry is checked against, taken once per list instead of once per volunteer.</summary>
    private readonly struct QueryFacts
    {
        public QueryFacts(RankingQuery query, double talentFit, double km)
        {
            TalentFit = talentFit;
            Km = km;
            NeedsVog = query.NeedsVog;
            TaskDay = query.TaskDay.DayNumber;
            HasTime = query.Time is not null;
            HasDate = query.Time?.Date is not null;
            StartMinute = query.Time?.StartMinute ?? 0;
            EndMinute = query.Time?.EndMinute ?? 0;
            // The entries know nothing of these; with one of them every remaining volunteer is scored in full.
            Simple = query.PreferredGender is null && query.Excluded.Count == 0;
            Known = query.KnownVolunteers.Count > 0;
        }

        public double TalentFit { get; }
        public double Km { get; }
        public bool NeedsVog { get; }
        public int TaskDay { get; }
        public bool HasTime { get; }
        public bool HasDate { get; }
        public int StartMinute { get; }
        public int EndMinute { get; }
        public bool Simple { get; }
        public bool Known { get; }

        /// <summary>
        /// The score with language and continuity taken as met, summed exactly as <see cref="ScoreParts.Total"/>
        /// sums it: adding the same or smaller parts in the same order never gives more, so no volunteer
        /// whose bound is at most the lowest in the list could have entered it.
        /// </summary>
        public double UpperBound(double availability, int active, int maxActive) =>
            new ScoreParts(TalentFit, Km, availability, active, maxActive, Known, true, NeedsVog).Total;
    }

    /// <summary>
    /// A volunteer in one list, with the facts that decide most rankings: reach, VOG, and in a weekday's
    /// list that day's windows. <see cref="Judge"/> answers only what <see cref="Scoring.TryScore"/> would
    /// answer too; every volunteer who may enter the ranking is still scored by it.
    /// </summary>
    private readonly struct Entry
    {
        public readonly int Position;
        public readonly int MaxActive;
        private readonly double _reachKm;
        private readonly int _vogFrom;
        private readonly int _vogUntil;
        private readonly short _from1, _until1, _from2, _until2;
        private readonly byte _windows;
        private readonly bool _hasAbsences;

        // Beyond two windows on one day the entry does not keep them; the volunteer is then asked in full.
        private const byte Many = byte.MaxValue;
        private const byte Unknown = byte.MaxValue - 1;

        public Entry(int position, Volunteer volunteer, int slot)
        {
            Position = position;
            MaxActive = volunteer.MaxActiveMatches;
            _reachKm = volunteer.Active ? volunteer.MaxDistanceKm : -1;
            var expires = Vog.ExpiresOn(volunteer.VogStatus, volunteer.VogIssuedOn);
            (_vogFrom, _vogUntil) = expires is { } until && volunteer.VogIssuedOn is { } issued ? (issued.DayNumber, until.DayNumber) : (int.MaxValue, int.MinValue);
            _hasAbsences = volunteer.Absences.Length > 0;
            if (slot >= NoWindows)
            {
                // Without windows the volunteer is asked (half the points); the list for everyone serves requests without a time.
                _windows = Unknown;
                return;
            }
            foreach (var window in volunteer.Availability)
            {
                if ((int)window.Day != slot)
                {
                    continue;
                }
                switch (_windows++)
                {
                    case 0:
                        (_from1, _until1) = ((short)Minute(window.From), (short)Minute(window.Until));
                        break;
                    case 1:
                        (_from2, _until2) = ((short)Minute(window.From), (short)Minute(window.Until));
                        break;
                    default:
                        _windows = Many;
                        return;
                }
            }
        }

        public Verdict Judge(in QueryFacts facts, out double availability)
        {
            availability = 1;
            if (facts.Km > _reachKm || (facts.NeedsVog && (facts.TaskDay < _vogFrom || facts.TaskDay >= _vogUntil)))
            {
                return Verdict.No;
            }
            if (!facts.HasTime)
            {
                return facts.Simple ? Verdict.Yes : Verdict.Ask;
            }
            if (_windows == Unknown)
            {
                availability = Scoring.UnknownAvailability;
            }
            else if (_windows != Many)
            {
                // The same sum as Availability.Overlap over this day's windows.
                var length = facts.EndMinute - facts.StartMinute;
                var covered = Covered(facts, _from1, _until1) + (_windows > 1 ? Covered(facts, _from2, _until2) : 0);
                if (length <= 0 || covered == 0)
                {
                    return Verdict.No;
                }
                availability = Math.Min(1.0, (double)covered / length);
            }
            return facts.Simple && _windows != Many && !(facts.HasDate && _hasAbsences) ? Verdict.Yes : Verdict.Ask;
        }

        private static int Covered(in QueryFacts facts, int from, int until) =>
            Math.Max(0, Math.Min(facts.EndMinute, until) - Math.Max(facts.StartMinute, from));

        private static int Minute(TimeOnly time) => time.Hour * 60 + time.Minute;
    }

    private struct Budget(int maxEligible, int maxWeighed, uint rotation)
    {
        public int Eligible;
        public int Weighed;
        public readonly uint Rotation = rotation;

        public readonly bool Spent => Eligible >= maxEligible || Weighed >= maxWeighed;
    }

    private void ForEachList(int position, Action<List<Entry>, int> action)
    {
        var volunteer = _volunteers[position];
        var area = _map.IndexOf(volunteer.Postcode);
        var slots = volunteer.Availability.Length == 0
            ? [NoWindows, Everyone]
            : volunteer.Availability.Select(w => (int)w.Day).Distinct().Append(Everyone).ToArray();
        foreach (var talent in volunteer.Talents)
        {
            var lists = Bucket(_listed, talent);
            Array.ForEach(slots, slot => action(lists[area * Slots + slot], slot));
        }
        foreach (var talent in volunteer.OtherTalents.Where(t => Array.IndexOf(volunteer.Talents, t) < 0))
        {
            var lists = Bucket(_freeText, talent);
            Array.ForEach(slots, slot => action(lists[area * Slots + slot], slot));
        }
    }

    private List<Entry>[] Bucket(Dictionary<string, List<Entry>[]> index, string talent)
    {
        if (!index.TryGetValue(talent, out var perArea))
        {
            perArea = new List<Entry>[_map.Areas.Count * Slots];
            for (var i = 0; i < perArea.Length; i++)
            {
                perArea[i] = [];
            }
            index[talent] = perArea;
        }
        return perArea;
    }

    /// <summary>The best few so far; an insertion into a short sorted array beats a heap at these sizes.</summary>
    private sealed class TopList(int capacity)
    {
        private readonly (double Score, int Position, ScoreParts Parts)[] _items = new (double, int, ScoreParts)[capacity];
        private int _count;

        public bool IsFull => _count == _items.Length;

        public double Lowest => _count == 0 ? double.MinValue : _items[_count - 1].Score;

        public void Offer(int position, ScoreParts parts)
        {
            var score = parts.Total;
            if (IsFull && score <= Lowest)
            {
                return;
            }
            var i = IsFull ? _count - 1 : _count++;
            while (i > 0 && _items[i - 1].Score < score)
            {
                _items[i] = _items[i - 1];
                i--;
            }
            _items[i] = (score, position, parts);
        }

        public IEnumerable<(int Position, ScoreParts Parts)> Ordered() => _items.Take(_count).Select(e => (e.Position, e.Parts));
    }
}
