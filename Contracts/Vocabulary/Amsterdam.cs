namespace WijPlatform.Contracts.Vocabulary;

/// <summary>
/// The platform's one clock for people: activities, meals, tasks and follow-up dates are Europe/Amsterdam
/// wall-clock time in every service; instants travel in UTC.
/// </summary>
public static class Amsterdam
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>Today's date in Amsterdam at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOf(now.UtcDateTime);

    /// <summary>
    /// Wall-clock time to UTC. A time skipped by the spring change (02:30 on the last Sunday of March)
    /// moves on by the hour that does not exist; an ambiguous autumn time is read as the first (summer) one.
    /// </summary>
    public static DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));
}
