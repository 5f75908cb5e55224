namespace WijPlatform.Matching.Model;

/// <summary>
/// Generated volunteers and requests spread over the postcode table, for tests and the benchmark:
/// reproducible from a seed, with a realistic mix of talents, travel, availability and VOGs.
/// </summary>
public sealed class SyntheticPopulation(PostcodeMap map, int seed)
{
    private static readonly string[] CommonTalents = ["walk", "visit", "shopping", "meal-delivery", "garden", "odd-jobs", "computer-help", "home-visit", "knitting", "language-practice", "transport", "paperwork"];
    private static readonly string[] Names = ["Anna", "Bram", "Carla", "Dirk", "Els", "Fatima", "Gerrit", "Hanneke", "Ilse", "Joost", "Khadija", "Lotte", "Mohammed", "Nel", "Otto", "Petra"];
    private static readonly string[] Modes = ["foot", "bike", "bike", "car"];
    private readonly Random _random = new(seed);

    public IEnumerable<Volunteer> Volunteers(int count, DateOnly today)
    {
        for (var i = 0; i < count; i++)
        {
            var mode = Pick(Modes);
            var talents = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(CommonTalents)).Distinct().ToArray();
            var windows = Enumerable.Range(0, _random.Next(1, 4))
                .Select(_ => { var from = 8 + _random.Next(10); return new WeeklyWindow((DayOfWeek)_random.Next(7), new TimeOnly(from, 0), new TimeOnly(from + 2 + _random.Next(4), 0)); })
                .ToArray();
            var vog = _random.NextDouble() < 0.6;
            yield return new Volunteer(
                Guid.NewGuid(), null, Pick(Names), talents, [], Postcode(), null, mode, TravelModes.Reach(mode, null), windows,
                _random.NextDouble() < 0.1 ? [new Absence(today.AddDays(_random.Next(30)), today.AddDays(30 + _random.Next(14)))] : [],
                _random.NextDouble() < 0.2 ? ["nl", "en"] : ["nl"], _random.NextDouble() < 0.5 ? "female" : "male", null,
                1 + _random.Next(3), vog ? Vog.Valid : Vog.None, vog ? today.AddDays(-_random.Next(3 * 365)) : null, true, DateTime.UtcNow);
        }
    }

    public IEnumerable<VolunteerRequest> Requests(int count, DateTime nowUtc)
    {
        for (var i = 0; i < count; i++)
        {
            var talent = Pick(CommonTalents);
            var weekly = _random.NextDouble() < 0.5;
            yield return new VolunteerRequest(
                Guid.NewGuid(), "intake", null, null, null, talent, Postcode(), null,
                weekly ? null : nowUtc.Date.AddDays(1 + _random.Next(14)).AddHours(8 + _random.Next(9)),
                weekly ? (DayOfWeek)_random.Next(7) : null, weekly ? (9 + _random.Next(8)) * 60 : null, 60,
                Pick(Urgency.Levels.ToArray()), Talents.InsideHome.Contains(talent), null, null, null, null, RequestStatus.Open, nowUtc.AddMinutes(-_random.Next(10_000)), null);
        }
    }

    private string Postcode() => $"{map.Areas[_random.Next(map.Areas.Count)].Pc4} {(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}";

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
