using System.Text.Json.Serialization;

namespace WijPlatform.Calendar.Model;

/// <summary>How a series repeats: every week or every other week, on one or more weekdays, until a date (inclusive, Amsterdam).</summary>
public sealed record Recurrence(string Frequency, [property: JsonIgnore] IReadOnlyList<DayOfWeek> Weekdays, DateOnly Until)
{
    public const string Weekly = "weekly";
    public const string Fortnightly = "fortnightly";

    [JsonIgnore]
    public int IntervalWeeks => Frequency == Fortnightly ? 2 : 1;

    [JsonPropertyName("weekdays")]
    public IEnumerable<string> WeekdayNames => Weekdays.Select(d => d.ToString().ToLowerInvariant());
}

/// <summary>What happens to one occurrence apart from the rest of its series.</summary>
public sealed record OccurrenceException(DateOnly Date, string Kind, DateTime? StartsAt, DateTime? EndsAt, string? Room, string? Reason)
{
    public const string Changed = "changed";
    public const string Skipped = "skipped";
    public const string Cancelled = "cancelled";
}

/// <summary>One time an activity happens. <see cref="Date"/> is the Amsterdam date it was planned on and identifies it, also when it moved.</summary>
public sealed record Occurrence(Guid ActivityId, DateOnly Date, DateTime StartsAt, DateTime EndsAt, string? Room, string Status, string? Reason)
{
    public const string Scheduled = "scheduled";

    public bool Happens => Status != OccurrenceException.Cancelled;

    public bool Overlaps(Occurrence other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}

/// <summary>
/// The pure rule of when a series happens. Times are kept in Amsterdam wall-clock time, so an
/// activity at 14:00 stays at 14:00 across the summer/winter time change (its UTC time moves).
/// </summary>
public sealed record Schedule(Guid ActivityId, DateTime FirstStartsAt, DateTime FirstEndsAt, string? Room, Recurrence? Recurrence)
{
    /// <summary>A series may run at most this long; it is renewed rather than planned open-ended, so every room conflict can be checked.</summary>
    public const int MaxSeriesDays = 366;

    public DateOnly FirstDate => Amsterdam.DateOf(FirstStartsAt);

    /// <summary>The planned Amsterdam dates, in order (before any exception).</summary>
    public IEnumerable<DateOnly> Dates()
    {
        var first = FirstDate;
        if (Recurrence is null)
        {
            yield return first;
            yield break;
        }
        var days = Recurrence.Weekdays.Count == 0 ? [first.DayOfWeek] : Recurrence.Weekdays.Distinct().OrderBy(MondayFirst).ToArray();
        // Weeks run Monday to Sunday (WKST=MO), counted from the week of the first date, as RRULE does.
        var monday = first.AddDays(-MondayFirst(first.DayOfWeek));
        for (var week = monday; week <= Recurrence.Until; week = week.AddDays(7 * Recurrence.IntervalWeeks))
        {
            foreach (var day in days)
            {
                var date = week.AddDays(MondayFirst(day));
                if (date >= first && date <= Recurrence.Until)
                {
                    yield return date;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="date"/> is one of the planned dates.</summary>
    public bool IsPlanned(DateOnly date) => date >= FirstDate && Dates().TakeWhile(d => d <= date).Contains(date);

    /// <summary>The planned start and end on a date, at the same Amsterdam wall-clock time as the first.</summary>
    public (DateTime StartsAt, DateTime EndsAt) TimesOn(DateOnly date)
    {
        var localStart = Amsterdam.ToLocal(FirstStartsAt);
        var duration = Amsterdam.ToLocal(FirstEndsAt) - localStart;
        var start = date.ToDateTime(TimeOnly.FromDateTime(localStart));
        return (Amsterdam.ToUtc(start), Amsterdam.ToUtc(start + duration));
    }

    /// <summary>
    /// The occurrences that overlap [from, to), with each exception applied: a skipped one is left
    /// out (a pause), a cancelled one is kept with its status, a changed one has its own time and room.
    /// </summary>
    public IEnumerable<Occurrence> Expand(IReadOnlyCollection<OccurrenceException> exceptions, DateTime from, DateTime to)
    {
        var byDate = exceptions.ToDictionary(e => e.Date);
        // A changed occurrence may move up to a week, so look a little beyond the window.
        var firstDate = Amsterdam.DateOf(from).AddDays(-8);
        var lastDate = Amsterdam.DateOf(to).AddDays(8);
        foreach (var date in Dates().SkipWhile(d => d < firstDate).TakeWhile(d => d <= lastDate))
        {
            var (startsAt, endsAt) = TimesOn(date);
            var occurrence = new Occurrence(ActivityId, date, startsAt, endsAt, Room, Occurrence.Scheduled, null);
            if (byDate.TryGetValue(date, out var exception))
            {
                if (exception.Kind == OccurrenceException.Skipped)
                {
                    continue;
                }
                occurrence = occurrence with
                {
                    StartsAt = exception.StartsAt ?? startsAt,
                    EndsAt = exception.EndsAt ?? endsAt,
                    Room = exception.Room ?? Room,
                    Status = exception.Kind,
                    Reason = exception.Reason,
                };
            }
            if (occurrence.StartsAt < to && occurrence.EndsAt > from)
            {
                yield return occurrence;
            }
        }
    }

    /// <summary>The end of the last planned occurrence: the series' span for searching.</summary>
    public DateTime LastEndsAt => TimesOn(Dates().Last()).EndsAt;

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
