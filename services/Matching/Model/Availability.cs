namespace WijPlatform.Matching.Model;

/// <summary>A weekly window in Amsterdam time when a volunteer is available: Tuesday 14:00–17:00.</summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly From, TimeOnly Until);

/// <summary>A period the volunteer is away (holiday, hospital): no tasks on these days.</summary>
public sealed record Absence(DateOnly From, DateOnly Until)
{
    public bool Covers(DateOnly date) => date >= From && date <= Until;
}

/// <summary>
/// When a task happens, in Amsterdam time: once (a date and time) or every week (a day and time),
/// or unspecified ("some time this week"). Minutes since midnight keep the hot path free of allocations.
/// </summary>
public readonly record struct TaskTime(DayOfWeek Day, int StartMinute, int EndMinute, DateOnly? Date)
{
    public static TaskTime OneOff(DateTime startUtc, int durationMinutes)
    {
        var local = Amsterdam.ToLocal(startUtc);
        var start = local.Hour * 60 + local.Minute;
        return new TaskTime(local.DayOfWeek, start, Math.Min(24 * 60, start + durationMinutes), DateOnly.FromDateTime(local));
    }

    public static TaskTime Weekly(DayOfWeek day, TimeOnly from, TimeOnly until) =>
        new(day, from.Hour * 60 + from.Minute, until.Hour * 60 + until.Minute, null);
}

public static class Availability
{
    /// <summary>Share of the task's minutes that fall inside one of the volunteer's windows (0–1).</summary>
    public static double Overlap(WeeklyWindow[] windows, TaskTime task)
    {
        var length = task.EndMinute - task.StartMinute;
        if (length <= 0)
        {
            return 0;
        }
        var covered = 0;
        foreach (var window in windows)
        {
            if (window.Day != task.Day)
            {
                continue;
            }
            var from = Math.Max(task.StartMinute, window.From.Hour * 60 + window.From.Minute);
            var until = Math.Min(task.EndMinute, window.Until.Hour * 60 + window.Until.Minute);
            covered += Math.Max(0, until - from);
        }
        return Math.Min(1.0, (double)covered / length);
    }

    public static bool IsAway(Absence[] absences, DateOnly date)
    {
        foreach (var absence in absences)
        {
            if (absence.Covers(date))
            {
                return true;
            }
        }
        return false;
    }
}
