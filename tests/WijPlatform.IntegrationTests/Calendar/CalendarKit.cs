using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace WijPlatform.IntegrationTests.Calendar;

/// <summary>What the calendar tests share: unique data, Amsterdam times, messages on the broker and the independent iCalendar parser.</summary>
internal static class CalendarKit
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly SemaphoreSlim NpmInstall = new(1, 1);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static string UniqueRoom() => $"Zaal {Guid.NewGuid():N}";

    public static string UniqueCategory() => $"test-{Guid.NewGuid():N}"[..30];

    /// <summary>A random Monday years ahead, so tests running in parallel do not meet.</summary>
    public static DateOnly RandomMonday(int fromYear = 2034)
    {
        var day = new DateOnly(fromYear, 1, 2).AddDays(Random.Shared.Next(0, 3000));
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>The instant of a wall-clock time in Amsterdam, with its offset as a client would send it.</summary>
    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    public static DateTime Utc(DateOnly date, int hour, int minute = 0) => At(date, hour, minute).UtcDateTime;

    /// <summary>The last Sunday of October of a year: the day winter time starts.</summary>
    public static DateOnly WinterTimeStarts(int year)
    {
        var day = new DateOnly(year, 10, 31);
        return day.AddDays(-(int)day.DayOfWeek);
    }

    public static async Task<JsonElement> CreateAsync(HttpClient gateway, object activity)
    {
        var response = await gateway.PostAsJsonAsync("/api/calendar/activities", activity);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<JsonElement>();
    }

    public static object Games(string room, DateTimeOffset startsAt, int capacity = 12, object? recurrence = null, string category = "games") => new
    {
        title = "Spelletjesmiddag",
        description = "Sjoelen, rummikub en koffie.",
        category,
        room,
        startsAt,
        endsAt = startsAt.AddHours(2),
        capacity,
        recurrence,
    };

    /// <summary>The bodies of the messages of one type the calendar published (relayed to the broker) that mention a value.</summary>
    public static async Task<IReadOnlyList<JsonElement>> PublishedByCalendarAsync(StackFixture stack, string messageType, string mentioning)
    {
        await using var connection = new NpgsqlConnection(stack.ConnectionString("calendardb"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE $1 AND body::text LIKE $2 AND sent_at IS NOT NULL ORDER BY sequence", connection)
        {
            Parameters = { new() { Value = $"WijPlatform.Contracts.{messageType},%" }, new() { Value = $"%{mentioning}%" } },
        };
        var bodies = new List<JsonElement>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bodies.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }
        return bodies;
    }

    /// <summary>
    /// Expands an iCalendar text with ical.js (Mozilla's parser, run by node), independent of the
    /// library that wrote it. Installs the locked version once, next to this file.
    /// </summary>
    public static async Task<JsonElement> ExpandWithIcalJsAsync(string ics, DateTime from, DateTime to, [CallerFilePath] string here = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(here)!, "icaljs");
        await NpmInstall.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(folder, "node_modules", "ical.js", "package.json")))
            {
                var (code, _, error) = await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund"], null);
                Assert.True(code == 0, $"npm ci failed: {error}");
            }
        }
        finally
        {
            NpmInstall.Release();
        }
        var (exit, output, stderr) = await RunAsync(folder, "node", ["expand.mjs", from.ToString("O"), to.ToString("O")], ics);
        Assert.True(exit == 0, $"ical.js could not read the feed: {stderr}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string folder, string file, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
