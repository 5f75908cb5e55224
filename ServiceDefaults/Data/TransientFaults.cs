namespace WijPlatform.ServiceDefaults.Data;

/// <summary>Faults that say "the database is away for now", not "this request or message is wrong".</summary>
public static class TransientFaults
{
    public static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState == "53300",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException,
        TimeoutException => true,
        _ => exception.InnerException is not null && IsDatabaseUnavailable(exception.InnerException),
    };
}
