using Npgsql;
using WijPlatform.ServiceDefaults.Data;

namespace WijPlatform.IntegrationTests.Data;

/// <summary>
/// Npgsql 10.0.3 leaves a pooled connection out of step with the server when a statement fails at Bind
/// in the round trip that auto-prepares it; the services replace their pooled connections after a
/// statement error (<see cref="StatementErrors"/>). Both halves are shown on the stack's PostgreSQL with
/// the services' own preparation settings (NpgsqlExtensions) and one pooled connection.
/// </summary>
public sealed class PooledConnectionTests(StackFixture stack)
{
    [Fact]
    public async Task A_statement_that_failed_while_being_prepared_breaks_the_next_request_unless_the_pool_is_replaced()
    {
        var unguarded = await NextUseAfterAFailedPreparationAsync(replaceConnections: false);
        var guarded = await NextUseAfterAFailedPreparationAsync(replaceConnections: true);

        // When this first assertion fails, Npgsql no longer has the defect and StatementErrors can go.
        Assert.Contains("unexpected backend message", unguarded ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Null(guarded);
    }

    /// <summary>The error of the request after the failed one, or null when it succeeded.</summary>
    private async Task<string?> NextUseAfterAFailedPreparationAsync(bool replaceConnections)
    {
        var settings = new NpgsqlConnectionStringBuilder(stack.ConnectionString("calendardb")) { MaxAutoPrepare = 100, AutoPrepareMinUsages = 2, MaxPoolSize = 1 };
        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        async Task<long> CountAsync(string category)
        {
            await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM activities WHERE category = $1", connection) { Parameters = { new() { Value = category } } };
            return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        await CountAsync("sport");
        try
        {
            // The second use prepares the statement; PostgreSQL refuses the NUL at Bind.
            await CountAsync("sport\0");
        }
        catch (PostgresException ex) when (StatementErrors.ReplaceConnectionsAfter(ex, replaceConnections ? dataSource : null))
        {
        }
        catch (PostgresException)
        {
        }
        try
        {
            await CountAsync("sport");
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException || ex.GetType() == typeof(Exception))
        {
            return ex.Message;
        }
    }
}
