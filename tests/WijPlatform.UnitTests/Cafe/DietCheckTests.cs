using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class DietCheckTests
{
    [Fact]
    public void An_allergen_in_the_dish_that_the_resident_must_avoid_is_a_conflict()
    {
        var conflicts = DietCheck.Conflicts(new DietProfile(["milk", "nuts"], [], "normal"), ["gluten", "milk"], []);
        var conflict = Assert.Single(conflicts);
        Assert.Equal(("allergen", "milk"), (conflict.Kind, conflict.Value));
    }

    [Fact]
    public void A_diet_the_dish_is_not_labelled_for_is_a_conflict()
    {
        var conflicts = DietCheck.Conflicts(new DietProfile([], ["halal", "low-salt"], "normal"), [], ["halal"]);
        Assert.Equal(["low-salt"], conflicts.Select(c => c.Value));
    }

    [Fact]
    public void A_resident_who_needs_pureed_food_only_gets_pureed_dishes()
    {
        var profile = new DietProfile([], [], "pureed");
        Assert.Equal("texture", Assert.Single(DietCheck.Conflicts(profile, [], ["vegetarian"])).Kind);
        Assert.Empty(DietCheck.Conflicts(profile, [], ["pureed"]));
    }

    [Fact]
    public void A_dish_that_suits_has_no_conflicts()
    {
        Assert.Empty(DietCheck.Conflicts(new DietProfile(["fish"], ["vegetarian", "diabetic"], "normal"), ["celery", "gluten"], ["vegetarian", "diabetic", "low-salt"]));
        Assert.Empty(DietCheck.Conflicts(DietProfile.None, Allergens.All, []));
    }
}
