using System.Globalization;

namespace WijPlatform.Intake.Model;

/// <summary>When a volunteer is wanted: once, weekly on a day from a time (Amsterdam), or whenever suits.</summary>
public sealed record VolunteerTime(DateTimeOffset? WantedAt, DayOfWeek? WeeklyDay, int? WeeklyStartMinute, int? DurationMinutes)
{
    public static readonly VolunteerTime Whenever = new(null, null, null, null);

    /// <summary>The timeline's text for a volunteer asked for <paramref name="talent"/> at this time: once (Amsterdam time), every weekday from a time, or whenever.</summary>
    public Text Requested(string talent) => (WantedAt, WeeklyDay, WeeklyStartMinute) switch
    {
        ({ } at, _, _) => new Text("intake.timeline.volunteer-requested-once", talent, TimeZoneInfo.ConvertTime(at, Amsterdam.Zone).DateTime),
        (_, { } day, { } minute) => new Text("intake.timeline.volunteer-requested-weekly", talent, SharedWords.Weekday(day),
            string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}")),
        _ => new Text("intake.timeline.volunteer-requested", talent),
    };
}
