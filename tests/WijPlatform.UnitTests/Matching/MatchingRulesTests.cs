using WijPlatform.Matching.Model;
using static WijPlatform.UnitTests.Matching.Seeds;

namespace WijPlatform.UnitTests.Matching;

public sealed class MatchingRulesTests
{
    [Fact]
    public void Proposing_for_the_whole_queue_spreads_the_work_over_the_volunteers()
    {
        var ans = Volunteer("Ans", "3705 CD", ["walk"], maxActive: 2);
        var bep = Volunteer("Bep", "3705 CE", ["walk"], maxActive: 2);
        var index = Index(ans, bep);
        var requests = Enumerable.Range(0, 5).Select(i => Request("walk", "3705 AB", createdAt: DateTime.UtcNow.AddMinutes(i))).ToList();

        var proposals = MatchPlanner.ProposeAll(index, requests, Today, ranked => ranked.Count > 0 ? ranked[0] : null);

        Assert.Equal(4, proposals.Count);
        Assert.Equal(2, proposals.Count(p => p.Candidate.VolunteerId == ans.Id));
        Assert.Equal(2, proposals.Count(p => p.Candidate.VolunteerId == bep.Id));
        Assert.DoesNotContain(proposals, p => p.RequestId == requests[4].Id);
    }

    [Fact]
    public void The_most_urgent_request_is_served_first_when_volunteers_are_scarce()
    {
        var index = Index(Volunteer("Ans", "3705 CD", ["walk"], maxActive: 1));
        var normal = Request("walk", "3705 AB", createdAt: DateTime.UtcNow.AddDays(-2));
        var crisis = Request("walk", "3705 AB", urgency: "crisis");

        var proposal = Assert.Single(MatchPlanner.ProposeAll(index, [normal, crisis], Today, ranked => ranked.Count > 0 ? ranked[0] : null));

        Assert.Equal(crisis.Id, proposal.RequestId);
    }

    [Theory]
    [InlineData(new[] { 0.9, 0.7 }, true)]
    [InlineData(new[] { 0.9 }, true)]
    [InlineData(new[] { 0.9, 0.88 }, false)]
    [InlineData(new[] { 0.5 }, false)]
    [InlineData(new double[0], false)]
    public void Only_a_clear_best_candidate_is_proposed_automatically(double[] scores, bool proposed)
    {
        var ranked = scores.Select(s => new Candidate(Guid.NewGuid(), "X", s, 0, 0, [])).ToList();
        Assert.Equal(proposed, new AutoProposalOptions().Pick(ranked) is not null);
    }

    [Theory]
    [InlineData("proposed", "introduced", true)]
    [InlineData("proposed", "declined", true)]
    [InlineData("introduced", "declined", true)]
    [InlineData("introduced", "active", true)]
    [InlineData("active", "evaluated", true)]
    [InlineData("active", "ended", true)]
    [InlineData("evaluated", "ended", true)]
    [InlineData("proposed", "active", false)]
    [InlineData("active", "declined", false)]
    [InlineData("ended", "active", false)]
    [InlineData("declined", "introduced", false)]
    public void A_match_moves_only_along_its_lifecycle(string from, string to, bool allowed) =>
        Assert.Equal(allowed, MatchStatus.CanMove(from, to));

    [Theory]
    [InlineData("crisis", 3, false)]
    [InlineData("crisis", 5, true)]
    [InlineData("normal", 71, false)]
    [InlineData("normal", 73, true)]
    [InlineData("low", 100, false)]
    public void A_request_is_reported_unmatched_after_the_wait_its_urgency_allows(string urgency, int hoursWaiting, bool overdue)
    {
        var now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        var request = Request("walk", "3705 AB", urgency: urgency, createdAt: now.AddHours(-hoursWaiting));
        Assert.Equal(overdue, new UnmatchedOptions().IsOverdue(request, now));
        Assert.False(new UnmatchedOptions().IsOverdue(request with { UnmatchedReportedAt = now }, now.AddDays(30)));
    }

    [Theory]
    [InlineData(2, 2, 10, false)]
    [InlineData(3, 2, 0, true)]
    [InlineData(1, 2, 40, true)]
    public void A_volunteer_is_overloaded_beyond_their_maximum_or_many_hours(int active, int max, double hours, bool overloaded) =>
        Assert.Equal(overloaded, Workload.IsOverloaded(active, max, hours));

    [Fact]
    public void A_VOG_is_valid_for_three_years_from_its_issue()
    {
        var issued = new DateOnly(2024, 3, 1);
        Assert.Equal(new DateOnly(2027, 3, 1), Vog.ExpiresOn(Vog.Valid, issued));
        Assert.True(Vog.IsValidOn(Vog.Valid, issued, new DateOnly(2027, 2, 28)));
        Assert.False(Vog.IsValidOn(Vog.Valid, issued, new DateOnly(2027, 3, 1)));
        Assert.False(Vog.IsValidOn(Vog.Requested, issued, new DateOnly(2025, 1, 1)));
        Assert.Null(Vog.ExpiresOn(Vog.None, null));
    }

    [Fact]
    public void Availability_counts_the_share_of_the_task_inside_the_windows_in_Amsterdam_time()
    {
        var windows = new[] { new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(14, 30), new TimeOnly(17, 0)) };
        // 13:00 UTC on 1 December is 14:00 in Amsterdam: half of the hour from 14:00 to 15:00 is inside.
        Assert.Equal(0.5, Availability.Overlap(windows, TaskTime.OneOff(TuesdayAfternoonUtc, 60)));
        // In summer 12:00 UTC is 14:00 in Amsterdam.
        Assert.Equal(0.5, Availability.Overlap(windows, TaskTime.OneOff(new DateTime(2026, 7, 7, 12, 0, 0, DateTimeKind.Utc), 60)));
        Assert.Equal(0, Availability.Overlap(windows, TaskTime.Weekly(DayOfWeek.Wednesday, new TimeOnly(15, 0), new TimeOnly(16, 0))));
    }

    [Fact]
    public void The_postcode_table_covers_Groningen_and_Zeist_with_plausible_distances()
    {
        var map = PostcodeMap.Shipped;
        Assert.All(map.Areas, a => Assert.True(a.Pc4 is >= 9700 and < 9800 or >= 3700 and < 3800));
        Assert.InRange(map.DistanceKm(map.IndexOf(9711), map.IndexOf(9712)), 0.1, 1.5);
        Assert.InRange(map.DistanceKm(map.IndexOf(3705), map.IndexOf(3701)), 0.5, 2.5);
        Assert.InRange(map.DistanceKm(map.IndexOf(9711), map.IndexOf(3701)), 140, 160);
        Assert.Equal("Zeist-Noord", map.Find("3705 AB")?.Area);
    }

    [Theory]
    [InlineData(" Computer help ", "computer-help")]
    [InlineData("home_visit", "home-visit")]
    [InlineData("Walk", "walk")]
    public void Talents_are_compared_in_one_spelling(string input, string expected) => Assert.Equal(expected, Talents.Normalise(input));

    [Theory]
    [InlineData("3705ab", "3705 AB")]
    [InlineData(" 9712 HW ", "9712 HW")]
    [InlineData("0712 HW", null)]
    [InlineData("12345", null)]
    [InlineData("3705 SS", null)]
    public void Postcodes_are_normalised_as_every_service_does(string input, string? expected) => Assert.Equal(expected, Postcode.Normalise(input));
}

public sealed class MatchingJsonTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public void Availability_is_written_as_a_day_name_and_hours_and_minutes()
    {
        var window = System.Text.Json.JsonSerializer.Deserialize<WeeklyWindow>("""{"day":"tuesday","from":"13:00","until":"17:30"}""", Options);
        Assert.Equal(new WeeklyWindow(DayOfWeek.Tuesday, new TimeOnly(13, 0), new TimeOnly(17, 30)), window);
    }
}

public sealed class CrowdedNeighbourhoodTests
{
    [Fact]
    public void In_a_crowded_neighbourhood_the_bounded_ranking_still_gives_every_volunteer_a_turn()
    {
        var volunteers = Enumerable.Range(0, 300).Select(i => Seeds.Volunteer($"V{i}", "9712 AB", ["walk"], maxActive: 1)).ToArray();
        var index = Seeds.Index(volunteers);
        var requests = Enumerable.Range(0, 300).Select(_ => Seeds.Request("walk", "9712 CD")).ToList();

        var proposals = MatchPlanner.ProposeAll(index, requests, Seeds.Today, ranked => ranked.Count > 0 ? ranked[0] : null);

        Assert.Equal(300, proposals.Select(p => p.Candidate.VolunteerId).Distinct().Count());
        Assert.True(index.Weighed <= 300L * index.MaxWeighed);
    }
}
