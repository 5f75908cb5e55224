using Npgsql;
namespace WijPlatform.UnitTests.Messaging;

public sealed class QueuedWritesTests
{
    [Fact]
    public void Two_inserts_of_the_same_table_travel_as_one_batch_each_with_its_own_values()
    {
        var writes = new QueuedWrites();
        writes.Add("INSERT INTO case_events (case_id, kind) VALUES (@caseId, @kind)", new { caseId = 1, kind = "registered" });
        writes.Add("INSERT INTO case_events (case_id, kind) VALUES (@caseId, @kind)", new { caseId = 1, kind = "referral-sent" });

        using var batch = writes.Take()!;

        Assert.Equal(2, batch.BatchCommands.Count);
        Assert.All<NpgsqlBatchCommand>(batch.BatchCommands, c => Assert.Equal("INSERT INTO case_events (case_id, kind) VALUES (@caseId, @kind)", c.CommandText));
        Assert.Equal("registered", batch.BatchCommands[0].Parameters["kind"].Value);
        Assert.Equal("referral-sent", batch.BatchCommands[1].Parameters["kind"].Value);
        Assert.Null(writes.Take());
    }

    [Fact]
    public void A_null_keeps_the_type_of_its_property_so_the_database_knows_what_it_is()
    {
        var writes = new QueuedWrites();
        writes.Add("UPDATE t SET a = @Name WHERE @ResidentId IS NULL OR id = ANY(@Ids)", new { Name = (string?)null, ResidentId = (Guid?)null, Ids = (IReadOnlyList<Guid>?)null });

        using var batch = writes.Take()!;
        var parameters = batch.BatchCommands[0].Parameters;

        // Npgsql types a generic parameter's null by its type argument.
        Assert.IsType<NpgsqlParameter<string>>(parameters["Name"]);
        Assert.IsType<NpgsqlParameter<Guid?>>(parameters["ResidentId"]);
        Assert.Equal(DBNull.Value, parameters["Ids"].Value);
    }

    [Fact]
    public void Only_the_values_the_statement_names_are_sent()
    {
        var writes = new QueuedWrites();
        // Npgsql cannot write a value of a type it does not know; the statement does not need it.
        writes.Add("INSERT INTO t (status, status_note) VALUES (@Status, @StatusNote)", new { Status = "open", StatusNote = "new", Detail = new Row(), Stat = 1 });

        using var batch = writes.Take()!;
        var parameters = batch.BatchCommands[0].Parameters;

        Assert.Equal(["Status", "StatusNote"], parameters.Select(p => p.ParameterName).Order());
        Assert.Equal("open", parameters["Status"].Value);
    }

    [Fact]
    public void Values_are_read_when_queued_not_when_sent()
    {
        var writes = new QueuedWrites();
        var row = new Row { Status = "open" };
        writes.Add("INSERT INTO t (status) VALUES (@Status)", row);
        row.Status = "closed";

        using var batch = writes.Take()!;

        Assert.Equal("open", batch.BatchCommands[0].Parameters["Status"].Value);
    }

    private sealed class Row
    {
        public string Status { get; set; } = "";
    }
}
