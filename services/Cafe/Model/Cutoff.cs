namespace WijPlatform.Cafe.Model;

/// <summary>
/// When ordering for a day closes: at <see cref="At"/> Amsterdam time, <see cref="DaysBefore"/> days
/// before the meal (0 = the same day). Configured as Cafe:Cutoff:DaysBefore and Cafe:Cutoff:At.
/// </summary>
public sealed class CutoffPolicy
{
    public int DaysBefore { get; set; }

    public TimeOnly At { get; set; } = new(10, 0);

    public DateTimeOffset ClosesAt(DateOnly mealDate)
    {
        var local = mealDate.AddDays(-DaysBefore).ToDateTime(At);
        // A wall-clock time skipped by the spring-forward gap does not exist; close an hour later instead.
        if (Amsterdam.Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, Amsterdam.Zone.GetUtcOffset(local));
    }

    public bool IsOpen(DateOnly mealDate, DateTimeOffset now) => now < ClosesAt(mealDate);

    /// <summary>The date in Amsterdam at a moment, which is what "today" means for the café.</summary>
    public static DateOnly Today(DateTimeOffset now) => Amsterdam.Today(now);
}
