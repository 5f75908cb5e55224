using Npgsql;

namespace WijPlatform.ServiceDefaults.Data;

/// <summary>
/// Npgsql (10.0.3) leaves a pooled connection out of step with the server when a statement fails in
/// the very round trip that auto-prepares it, at Bind (a NUL in a text, a value a cast or a constant
/// refuses): the connection then holds the statement as prepared but without its row description, and
/// the next command that runs the statement on that connection gets a row it does not expect
/// ("Received unexpected backend message DataRow") and fails an unrelated request. The exception does
/// not say which connection saw the error, so after a statement error the pool's connections are
/// replaced: idle ones at once, busy ones when they are returned. A statement error is a defect that
/// answers 500 (bad input is refused before it reaches the database), so this is rare and cheap.
/// </summary>
public static class StatementErrors
{
    public static bool IsStatementError(Exception exception) =>
        exception is PostgresException && !TransientFaults.IsDatabaseUnavailable(exception);

    /// <summary>Replaces the pool's connections when <paramref name="exception"/> is a statement error; false, so it fits an exception filter.</summary>
    public static bool ReplaceConnectionsAfter(Exception exception, NpgsqlDataSource? dataSource)
    {
        if (dataSource is not null && IsStatementError(exception))
        {
            dataSource.Clear();
        }
        return false;
    }
}
