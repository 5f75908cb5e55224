using WijPlatform.ServiceDefaults.Texts;
using WijPlatform.Matching.Model;
using static WijPlatform.UnitTests.Matching.Seeds;

namespace WijPlatform.UnitTests.Matching;

public sealed class RankingTests
{
    private static readonly TextCatalogue Words = new([typeof(TextCatalogue).Assembly, typeof(Scoring).Assembly]);

    [Fact]
    public void The_walk_goes_to_the_neighbour_nearby_who_is_free_on_tuesday_afternoon()
    {
        var nextStreet = Volunteer("Ans", "3705 CD", ["walk"]);
        var acrossTown = Volunteer("Bep", "3707 AA", ["walk"], mode: "bike");
        var onlyMornings = Volunteer("Cor", "3705 EF", ["walk"], availability: [new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0))]);
        var index = Index(acrossTown, onlyMornings, nextStreet);

        var ranked = index.Rank(new RankingQuery(Request("walk", "3705 AB", wantedAt: TuesdayAfternoonUtc), Today));

        Assert.Equal(["Ans", "Bep"], ranked.Select(c => c.FirstName));
        Assert.Equal(0, ranked[0].DistanceKm);
        Assert.True(ranked[1].DistanceKm > 2);
        Assert.Contains(ranked[0].Reasons, r => r.Code == "distance" && r.Points == Scoring.DistanceWeight);
        Assert.Contains(ranked[0].Reasons, r => r.Code == "availability" && Words.Render(r.Detail, TextCatalogue.Dutch) == "Beschikbaar voor 100% van de gevraagde tijd.");
    }

    [Fact]
    public void A_walker_on_foot_is_not_asked_to_go_further_than_walking_distance()
    {
        var walker = Volunteer("Dina", "9744 AB", ["walk"]);
        var ranked = Index(walker).Rank(new RankingQuery(Request("walk", "9733 AB"), Today));
        Assert.Empty(ranked);
    }

    [Fact]
    public void Knitting_lessons_weekly_prefer_a_listed_knitter_over_one_who_mentions_it_and_honour_the_language_asked()
    {
        var listed = Volunteer("Greet", "3706 AA", ["knitting"], languages: ["nl", "tr"]);
        var ownWords = Volunteer("Hennie", "3706 AB", ["visit"], other: ["knitting"]);
        var listedDutchOnly = Volunteer("Ina", "3706 AC", ["knitting"]);
        var request = Request("knitting", "3705 AB", weeklyDay: DayOfWeek.Tuesday, weeklyStart: 14 * 60, language: "tr");

        var ranked = Index(ownWords, listedDutchOnly, listed).Rank(new RankingQuery(request, Today));

        Assert.Equal(["Greet", "Ina", "Hennie"], ranked.Select(c => c.FirstName));
        Assert.Contains(ranked[2].Reasons, r => r.Code == "talent" && r.Points < Scoring.TalentWeight);
        Assert.Contains(ranked[1].Reasons, r => r.Code == "language" && r.Points == 0);
    }

    [Fact]
    public void A_home_visit_goes_only_to_volunteers_whose_VOG_is_valid_on_the_day_of_the_visit()
    {
        var valid = Volunteer("Jan", "9716 AB", ["home-visit"], vog: Vog.Valid, vogIssued: Today.AddYears(-1));
        var none = Volunteer("Kees", "9716 AC", ["home-visit"]);
        var requested = Volunteer("Lies", "9716 AD", ["home-visit"], vog: Vog.Requested);
        var expiresTheDayBefore = Volunteer("Marja", "9716 AE", ["home-visit"], vog: Vog.Valid, vogIssued: new DateOnly(2023, 12, 1));
        var request = Request("home-visit", "9716 AA", wantedAt: TuesdayAfternoonUtc);

        var ranked = Index(none, requested, expiresTheDayBefore, valid).Rank(new RankingQuery(request, Today));

        var only = Assert.Single(ranked);
        Assert.Equal("Jan", only.FirstName);
        Assert.Contains(only.Reasons, r => r.Code == "vog");
    }

    [Fact]
    public void Work_is_spread_the_volunteer_with_fewer_matches_comes_first()
    {
        var busy = Volunteer("Nel", "3705 CD", ["walk"], maxActive: 3);
        var free = Volunteer("Olga", "3705 CE", ["walk"], maxActive: 3);
        var index = new CandidateIndex(PostcodeMap.Shipped);
        index.Add(busy, activeMatches: 2);
        index.Add(free, activeMatches: 0);

        var ranked = index.Rank(new RankingQuery(Request("walk", "3705 AB"), Today));

        Assert.Equal(["Olga", "Nel"], ranked.Select(c => c.FirstName));
        Assert.Contains(ranked[1].Reasons, r => r.Code == "load" && Words.Render(r.Detail, TextCatalogue.English) == "2 of at most 3 active matches.");
    }

    [Fact]
    public void A_volunteer_at_their_maximum_is_not_a_candidate()
    {
        var full = Volunteer("Piet", "3705 CD", ["walk"], maxActive: 1);
        var index = new CandidateIndex(PostcodeMap.Shipped);
        index.Add(full, activeMatches: 1);
        Assert.Empty(index.Rank(new RankingQuery(Request("walk", "3705 AB"), Today)));
    }

    [Fact]
    public void A_volunteer_the_resident_already_knows_comes_first_among_equals()
    {
        var stranger = Volunteer("Quinta", "3705 CD", ["walk"]);
        var known = Volunteer("Rosa", "3705 CE", ["walk"]);
        var request = Request("walk", "3705 AB", residentId: Guid.NewGuid());

        var ranked = Seeds.Index(stranger, known).Rank(new RankingQuery(request, Today, knownVolunteers: new HashSet<Guid> { known.Id }));

        Assert.Equal("Rosa", ranked[0].FirstName);
        Assert.Contains(ranked[0].Reasons, r => r.Code == "continuity");
        Assert.Equal(Scoring.ContinuityWeight, ranked[0].Score - ranked[1].Score, 3);
    }

    [Fact]
    public void A_volunteer_on_holiday_and_one_who_declined_before_are_left_out()
    {
        var onHoliday = Volunteer("Sien", "3705 CD", ["walk"], absences: [new Absence(new DateOnly(2026, 11, 28), new DateOnly(2026, 12, 6))]);
        var declined = Volunteer("Truus", "3705 CE", ["walk"]);
        var next = Volunteer("Ursula", "3704 AA", ["walk"], mode: "bike");
        var request = Request("walk", "3705 AB", wantedAt: TuesdayAfternoonUtc);

        var ranked = Seeds.Index(onHoliday, declined, next).Rank(new RankingQuery(request, Today, excluded: new HashSet<Guid> { declined.Id }));

        Assert.Equal(["Ursula"], ranked.Select(c => c.FirstName));
    }

    [Fact]
    public void A_gender_preference_of_the_resident_is_respected()
    {
        var man = Volunteer("Victor", "3705 CD", ["walk"], gender: "male");
        var woman = Volunteer("Wil", "3706 AA", ["walk"], mode: "bike");
        var ranked = Seeds.Index(man, woman).Rank(new RankingQuery(Request("walk", "3705 AB", gender: "female"), Today));
        Assert.Equal(["Wil"], ranked.Select(c => c.FirstName));
    }

    [Fact]
    public void Requests_outside_the_postcode_table_have_no_candidates()
    {
        var index = Seeds.Index(Volunteer("Xandra", "3705 CD", ["walk"]));
        Assert.Empty(index.Rank(new RankingQuery(Request("walk", "1012 AB"), Today)));
    }

    [Fact]
    public void The_index_finds_the_same_best_candidates_as_scoring_everyone()
    {
        var population = new SyntheticPopulation(PostcodeMap.Shipped, seed: 7);
        var volunteers = population.Volunteers(3000, Today).ToList();
        var exact = new CandidateIndex(PostcodeMap.Shipped, maxEligible: int.MaxValue, maxWeighed: int.MaxValue);
        volunteers.ForEach(v => exact.Add(v));

        foreach (var request in population.Requests(200, Seeds.TuesdayAfternoonUtc))
        {
            var query = new RankingQuery(request, Today);
            var bruteForce = volunteers
                .Select(v => (Volunteer: v, Fit: TalentFit.Of(v, query.Talent), Km: PostcodeMap.Shipped.DistanceKm(PostcodeMap.Shipped.IndexOf(request.Postcode), PostcodeMap.Shipped.IndexOf(v.Postcode))))
                .Where(x => x.Fit > 0)
                .Select(x => Scoring.TryScore(query, x.Volunteer, x.Fit, x.Km, 0, out var parts) ? Math.Round(parts.Total, 3) : -1)
                .Where(s => s >= 0)
                .OrderDescending()
                .Take(5)
                .ToList();
            Assert.Equal(bruteForce, exact.Rank(query, 5).Select(c => c.Score));
        }
    }

    [Fact]
    public void Volunteers_the_resident_knows_or_has_declined_and_gender_preferences_rank_as_when_scoring_everyone()
    {
        var population = new SyntheticPopulation(PostcodeMap.Shipped, seed: 11);
        var volunteers = population.Volunteers(3000, Today).ToList();
        var exact = new CandidateIndex(PostcodeMap.Shipped, maxEligible: int.MaxValue, maxWeighed: int.MaxValue);
        volunteers.ForEach(v => exact.Add(v, activeMatches: v.MaxActiveMatches > 1 ? 1 : 0));
        var random = new Random(3);

        foreach (var request in population.Requests(200, Seeds.TuesdayAfternoonUtc))
        {
            var known = volunteers.Where(_ => random.NextDouble() < 0.05).Select(v => v.Id).ToHashSet();
            var declined = random.NextDouble() < 0.5 ? volunteers.Where(_ => random.NextDouble() < 0.05).Select(v => v.Id).ToHashSet() : null;
            var asked = random.NextDouble() < 0.3 ? request with { PreferredGender = "female" } : request;
            var query = new RankingQuery(asked, Today, known, declined);
            var bruteForce = volunteers
                .Select(v => (Volunteer: v, Fit: TalentFit.Of(v, query.Talent), Km: PostcodeMap.Shipped.DistanceKm(PostcodeMap.Shipped.IndexOf(request.Postcode), PostcodeMap.Shipped.IndexOf(v.Postcode))))
                .Where(x => x.Fit > 0)
                .Select(x => Scoring.TryScore(query, x.Volunteer, x.Fit, x.Km, exact.ActiveMatches(x.Volunteer.Id), out var parts) ? Math.Round(parts.Total, 3) : -1)
                .Where(s => s >= 0)
                .OrderDescending()
                .Take(5)
                .ToList();
            Assert.Equal(bruteForce, exact.Rank(query, 5).Select(c => c.Score));
        }
    }
}
