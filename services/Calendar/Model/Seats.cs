namespace WijPlatform.Calendar.Model;

/// <summary>A sign-up's claim on seats: itself plus companions, for one occurrence (Date) or the whole series (Date null).</summary>
public sealed record SeatClaim(Guid SignupId, DateOnly? Date, int Seats);

/// <summary>
/// Who holds which seats of an activity. A series sign-up holds a seat in every occurrence, so an
/// occurrence is full when series and occurrence sign-ups together reach the capacity, and a series
/// sign-up fits only where every coming occurrence has room.
/// </summary>
public sealed class SeatBook
{
    private readonly int _capacity;
    private readonly DateOnly _today;
    private readonly Dictionary<DateOnly, int> _byDate = [];
    private int _series;

    public SeatBook(int capacity, IEnumerable<SeatClaim> confirmed, DateOnly today)
    {
        _capacity = capacity;
        _today = today;
        foreach (var claim in confirmed)
        {
            Take(claim);
        }
    }

    public int Taken(DateOnly? date) =>
        _series + (date is { } d ? _byDate.GetValueOrDefault(d) : _byDate.Where(e => e.Key >= _today).Select(e => e.Value).DefaultIfEmpty().Max());

    public bool Fits(DateOnly? date, int seats) => Taken(date) + seats <= _capacity;

    /// <summary>
    /// The seats a newcomer can still have for an occurrence (or the series): none while anyone waits
    /// for it, since a newcomer never overtakes the waiting list.
    /// </summary>
    public int Free(DateOnly? date, IEnumerable<SeatClaim> waiting) =>
        waiting.Any(w => w.Date == date) ? 0 : Math.Max(0, _capacity - Taken(date));

    public void Take(SeatClaim claim)
    {
        if (claim.Date is { } date)
        {
            _byDate[date] = _byDate.GetValueOrDefault(date) + claim.Seats;
        }
        else
        {
            _series += claim.Seats;
        }
    }

    /// <summary>
    /// Confirms a new sign-up only when it fits and nobody waits before it for the same occurrence
    /// (or the series): a newcomer never overtakes the waiting list.
    /// </summary>
    public string StatusFor(SeatClaim claim, IEnumerable<SeatClaim> waiting) =>
        !waiting.Any(w => w.Date == claim.Date) && Fits(claim.Date, claim.Seats) ? SignupStatus.Confirmed : SignupStatus.Waitlisted;

    /// <summary>
    /// Who moves up from the waiting list (given in the order they came in) now that seats are free.
    /// Strictly in order per occurrence: when the first in line does not fit (say three seats with
    /// companions, one free) nobody behind them overtakes; the organiser can override.
    /// </summary>
    public IReadOnlyList<SeatClaim> Promote(IEnumerable<SeatClaim> waitingInOrder)
    {
        var promoted = new List<SeatClaim>();
        var blocked = new HashSet<DateOnly?>();
        foreach (var claim in waitingInOrder)
        {
            if (blocked.Contains(claim.Date) || (claim.Date is { } d && d < _today))
            {
                continue;
            }
            if (Fits(claim.Date, claim.Seats))
            {
                Take(claim);
                promoted.Add(claim);
            }
            else
            {
                blocked.Add(claim.Date);
            }
        }
        return promoted;
    }
}

/// <summary>Repeated no-shows of a referred resident are reported so their regisseur can follow up.</summary>
public static class NoShowPolicy
{
    public const int ReportFrom = 2;
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static bool ShouldReport(int noShowsInWindow) => noShowsInWindow >= ReportFrom;
}
