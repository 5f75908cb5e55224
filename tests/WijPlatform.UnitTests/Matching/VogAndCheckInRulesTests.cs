using WijPlatform.ServiceDefaults.Texts;
using WijPlatform.Matching.Model;

namespace WijPlatform.UnitTests.Matching;

public sealed class VogWarningTests
{
    private static readonly DateOnly Issued = new(2024, 3, 1); // expires 2027-03-01

    [Theory]
    [InlineData("2026-12-30", false)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-02-28", true)]
    [InlineData("2027-04-01", true)]
    public void A_valid_vog_is_warned_about_sixty_days_before_it_expires_and_after(string today, bool warn) =>
        Assert.Equal(warn, Vog.NeedsWarning(Vog.Valid, Issued, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Vog.DefaultWarnDays));

    [Fact]
    public void A_vog_that_is_not_valid_has_no_expiry_to_warn_about()
    {
        Assert.False(Vog.NeedsWarning(Vog.Requested, Issued, new DateOnly(2027, 2, 28), 60));
        Assert.False(Vog.NeedsWarning(Vog.None, null, new DateOnly(2027, 2, 28), 60));
    }

    [Fact]
    public void The_warning_tells_the_volunteer_the_date_and_what_to_do()
    {
        var words = new TextCatalogue([typeof(TextCatalogue).Assembly, typeof(Vog).Assembly]);
        var soon = words.Render(Vog.Warning(new DateOnly(2027, 3, 1), new DateOnly(2027, 1, 15)), TextCatalogue.Dutch);
        Assert.Contains("verloopt op 01-03-2027", soon);
        Assert.Contains("Vraag", soon);
        Assert.Contains("is verlopen", words.Render(Vog.Warning(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 1)), TextCatalogue.Dutch));
        Assert.Contains("expires on 2027-03-01", words.Render(Vog.Warning(new DateOnly(2027, 3, 1), new DateOnly(2027, 1, 15)), TextCatalogue.English));
    }
}

public sealed class CheckInTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_check_in_is_due_after_the_first_meeting_of_an_active_match()
    {
        Assert.True(CheckIns.IsDue(MatchStatus.Active, hoursLogged: true, null, null, Now));
        Assert.True(CheckIns.IsDue(MatchStatus.Active, hoursLogged: false, Now.AddHours(-2), null, Now));
    }

    [Fact]
    public void No_check_in_before_the_first_meeting_once_done_or_outside_an_active_match()
    {
        Assert.False(CheckIns.IsDue(MatchStatus.Active, hoursLogged: false, null, null, Now));
        Assert.False(CheckIns.IsDue(MatchStatus.Active, hoursLogged: false, Now.AddHours(2), null, Now));
        Assert.False(CheckIns.IsDue(MatchStatus.Active, hoursLogged: true, null, Now.AddDays(-1), Now));
        Assert.False(CheckIns.IsDue(MatchStatus.Introduced, hoursLogged: true, null, null, Now));
        Assert.False(CheckIns.IsDue(MatchStatus.Ended, hoursLogged: true, null, null, Now));
    }
}
