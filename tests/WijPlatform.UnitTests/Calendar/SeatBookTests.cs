using WijPlatform.Calendar.Model;

namespace WijPlatform.UnitTests.Calendar;

public sealed class SeatBookTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly DateOnly NextTuesday = new(2026, 12, 1);

    private static SeatClaim Claim(DateOnly? date, int seats = 1) => new(Guid.NewGuid(), date, seats);

    [Fact]
    public void A_series_sign_up_takes_a_seat_in_every_occurrence()
    {
        var book = new SeatBook(2, [Claim(null), Claim(Tuesday)], Today);
        Assert.False(book.Fits(Tuesday, 1));
        Assert.True(book.Fits(NextTuesday, 1));
        Assert.False(book.Fits(null, 1));
    }

    [Fact]
    public void Companions_count_as_seats()
    {
        var book = new SeatBook(4, [Claim(Tuesday, 3)], Today);
        Assert.True(book.Fits(Tuesday, 1));
        Assert.False(book.Fits(Tuesday, 2));
    }

    [Fact]
    public void A_newcomer_does_not_overtake_the_waiting_list_even_when_a_seat_is_free()
    {
        var book = new SeatBook(4, [Claim(Tuesday, 3)], Today);
        var waiting = new[] { Claim(Tuesday, 2) };
        Assert.Equal(SignupStatus.Waitlisted, book.StatusFor(Claim(Tuesday), waiting));
        Assert.Equal(SignupStatus.Confirmed, book.StatusFor(Claim(NextTuesday), waiting));
    }

    [Fact]
    public void Promotion_follows_the_order_and_stops_at_the_first_who_does_not_fit()
    {
        var book = new SeatBook(3, [Claim(Tuesday)], Today);
        var first = Claim(Tuesday);
        var second = Claim(Tuesday, 3);
        var third = Claim(Tuesday);
        var elsewhere = Claim(NextTuesday);

        var promoted = book.Promote([first, second, third, elsewhere]);

        // Two seats were free: the first moves up, the group of three does not fit and nobody behind them jumps the queue.
        Assert.Equal([first, elsewhere], promoted);
        Assert.Equal(2, book.Taken(Tuesday));
    }

    [Fact]
    public void Waiting_for_an_occurrence_that_is_over_is_never_promoted()
    {
        var book = new SeatBook(1, [], Today);
        Assert.Empty(book.Promote([Claim(Today.AddDays(-7))]));
    }

    [Fact]
    public void A_series_sign_up_is_promoted_only_when_every_coming_occurrence_has_room()
    {
        var past = Today.AddDays(-7);
        var book = new SeatBook(2, [Claim(Tuesday, 2), Claim(past, 2)], Today);
        var series = Claim(null);
        Assert.Empty(book.Promote([series]));

        var freed = new SeatBook(2, [Claim(Tuesday), Claim(past, 2)], Today);
        Assert.Equal([series], freed.Promote([series]));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void Repeated_no_shows_are_reported_from_the_second(int noShows, bool reported) =>
        Assert.Equal(reported, NoShowPolicy.ShouldReport(noShows));

    [Fact]
    public void The_places_left_for_a_partners_clients_count_series_and_occurrence_sign_ups_and_are_none_while_anyone_waits()
    {
        var book = new SeatBook(5, [Claim(null), Claim(Tuesday, 2)], Today);
        Assert.Equal(2, book.Free(Tuesday, []));
        Assert.Equal(4, book.Free(NextTuesday, []));
        Assert.Equal(2, book.Free(null, []));
        Assert.Equal(0, book.Free(NextTuesday, [Claim(NextTuesday)]));
        Assert.Equal(4, book.Free(NextTuesday, [Claim(Tuesday)]));
        Assert.Equal(0, new SeatBook(1, [Claim(null, 3)], Today).Free(Tuesday, []));
    }
}
