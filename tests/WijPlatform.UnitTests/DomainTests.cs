using WijPlatform.Calendar.Model;
using WijPlatform.Cafe.Model;
using WijPlatform.Intake.Model;

namespace WijPlatform.UnitTests;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("9712 HW", "9712 HW")]
    [InlineData("9712hw", "9712 HW")]
    [InlineData(" 3705 ab ", "3705 AB")]
    public void Valid_postcodes_are_normalised(string input, string expected)
    {
        Assert.True(Postcode.TryParse(input, out var postcode));
        Assert.Equal(expected, postcode.Value.Value);
    }

    [Theory]
    [InlineData("0712 HW")]
    [InlineData("971 HW")]
    [InlineData("9712 H")]
    [InlineData("9712 SS")]
    [InlineData("9712-HW")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_postcodes_are_refused(string? input) => Assert.False(Postcode.TryParse(input, out _));
}

public sealed class SignupStatusTests
{
    [Theory]
    [InlineData(0, 12, "confirmed")]
    [InlineData(11, 12, "confirmed")]
    [InlineData(12, 12, "waitlisted")]
    [InlineData(0, 0, "waitlisted")]
    public void A_seat_is_free_until_the_capacity_is_reached(int confirmed, int capacity, string expected) =>
        Assert.Equal(expected, SignupStatus.For(confirmed, capacity));
}

public sealed class CafeHoursTests
{
    [Fact]
    public void The_meal_is_served_at_noon_Amsterdam_time_in_winter_and_summer()
    {
        var (winter, _) = CafeHours.MealTime(new DateOnly(2026, 1, 15));
        var (summer, until) = CafeHours.MealTime(new DateOnly(2026, 7, 15));
        Assert.Equal(new DateTime(2026, 1, 15, 11, 0, 0), winter.UtcDateTime);
        Assert.Equal(new DateTime(2026, 7, 15, 10, 0, 0), summer.UtcDateTime);
        Assert.Equal(TimeSpan.FromMinutes(90), until - summer);
    }
}
