using Npgsql;

namespace WijPlatform.Benchmarks;

/// <summary>Waits until the messages of a load phase have been consumed, so the next phase is not measured against a backlog.</summary>
public static class Settle
{
    public static async Task MessagesAsync(RunningStack stack, TimeSpan? limit = null)
    {
        await using var intake = new NpgsqlConnection(stack.DatabaseConnectionString("intakedb"));
        await using var matching = new NpgsqlConnection(stack.DatabaseConnectionString("matchingdb"));
        await intake.OpenAsync();
        await matching.OpenAsync();
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(2));
        long last = -1;
        var quiet = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", intake);
            await using var consumed = new NpgsqlCommand("SELECT count(*) FROM volunteer_requests", matching);
            var unsent = (long)(await pending.ExecuteScalarAsync())!;
            var count = (long)(await consumed.ExecuteScalarAsync())!;
            quiet = unsent == 0 && count == last ? quiet + 1 : 0;
            if (quiet >= 4)
            {
                return;
            }
            last = count;
            await Task.Delay(250);
        }
        Console.WriteLine("  (messages still flowing after the settle limit; measuring anyway)");
    }
}
