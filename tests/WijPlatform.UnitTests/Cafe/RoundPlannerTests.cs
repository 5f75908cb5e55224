using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class RoundPlannerTests
{
    private static DeliveryAddress At(string street, string number, string postcode) => new(Guid.NewGuid(), postcode, street, number);

    [Fact]
    public void A_street_is_walked_up_the_odd_side_and_back_down_the_even_side()
    {
        var stops = new[] { At("Kastanjelaan", "4", "3705 AB"), At("Kastanjelaan", "7", "3705 AB"), At("Kastanjelaan", "1", "3705 AB"), At("Kastanjelaan", "10", "3705 AB"), At("Kastanjelaan", "3a", "3705 AB") };
        var round = Assert.Single(RoundPlanner.Plan(stops, 8));
        Assert.Equal(["1", "3a", "7", "10", "4"], round.Stops.Select(s => s.HouseNumber));
    }

    [Fact]
    public void Streets_follow_each_other_in_postcode_order_and_stay_together_in_one_round()
    {
        var stops = new[]
        {
            At("Lindenlaan", "2", "3705 CD"), At("Beukenlaan", "5", "3705 AB"), At("Lindenlaan", "4", "3705 CD"),
            At("Eikenlaan", "1", "3706 XA"), At("Beukenlaan", "1", "3705 AB"), At("Eikenlaan", "3", "3706 XA"),
        };
        var rounds = RoundPlanner.Plan(stops, 4);
        Assert.Equal(2, rounds.Count);
        Assert.Equal(["Beukenlaan", "Beukenlaan", "Lindenlaan", "Lindenlaan"], rounds[0].Stops.Select(s => s.Street));
        Assert.Equal(["Eikenlaan", "Eikenlaan"], rounds[1].Stops.Select(s => s.Street));
        Assert.Equal("3705 AB", rounds[0].Postcode);
        Assert.Equal([1, 2], rounds.Select(r => r.Number));
    }

    [Fact]
    public void A_street_longer_than_a_round_is_split_and_no_stop_is_lost()
    {
        var stops = Enumerable.Range(1, 11).Select(n => At("Slotlaan", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "3701 GA")).ToList();
        var rounds = RoundPlanner.Plan(stops, 5);
        Assert.Equal([5, 5, 1], rounds.Select(r => r.Stops.Count));
        Assert.Equal(stops.Select(s => s.OrderId).Order(), rounds.SelectMany(r => r.Stops).Select(s => s.OrderId).Order());
    }

    [Fact]
    public void The_same_street_name_in_another_postcode_area_is_another_street()
    {
        var rounds = RoundPlanner.Plan([At("Dorpsstraat", "1", "3701 AA"), At("Dorpsstraat", "2", "3731 AA")], 1);
        Assert.Equal(2, rounds.Count);
    }

    [Fact]
    public void No_deliveries_make_no_rounds() => Assert.Empty(RoundPlanner.Plan([], 8));
}
