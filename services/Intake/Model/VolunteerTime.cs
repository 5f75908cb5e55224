using System.Globalization;

namespace WijPlatform.Intake.Model;

/// <summary>When a volunteer is wanted: once, weekly on a day from a time (Amsterdam), or whenever suits.</summary>
public sealed record VolunteerTime(DateTimeOffset? WantedAt, DayOfWeek? WeeklyDay, int? WeeklyStartMinute, int? DurationMinutes)
{
    public static readonly VolunteerTime Whenever = new(null, null, null, null);

    /// <summary>The time as the timeline says it, starting with a space (or empty for whenever).</summary>
    public string Describe() => (WantedAt, WeeklyDay, WeeklyStartMinute) switch
    {
        ({ } at, _, _) => $" on {TimeZoneInfo.ConvertTime(at, Amsterdam.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}",
        (_, { } day, { } minute) => $" every {day.ToString().ToLowerInvariant()} from {minute / 60:00}:{minute % 60:00}",
        _ => "",
    };
}
