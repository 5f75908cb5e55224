namespace WijPlatform.UnitTests.Messaging;

public sealed class QueuedWritesTests
{
    [Fact]
    public void Two_inserts_of_the_same_table_travel_as_one_command_without_mixing_their_values()
    {
        var writes = new QueuedWrites();
        writes.Add("INSERT INTO case_events (case_id, kind) VALUES (@caseId, @kind)", new { caseId = 1, kind = "registered" });
        writes.Add("INSERT INTO case_events (case_id, kind) VALUES (@caseId, @kind)", new { caseId = 1, kind = "referral-sent" });

        var (sql, parameters) = writes.Take()!.Value;

        Assert.Equal(
            "INSERT INTO case_events (case_id, kind) VALUES (@w0_caseId, @w0_kind);\nINSERT INTO case_events (case_id, kind) VALUES (@w1_caseId, @w1_kind);\n",
            sql);
        Assert.Equal("registered", parameters.Get<string>("w0_kind"));
        Assert.Equal("referral-sent", parameters.Get<string>("w1_kind"));
        Assert.Null(writes.Take());
    }

    [Fact]
    public void Names_match_properties_regardless_of_case_and_operators_are_left_alone()
    {
        var writes = new QueuedWrites();
        writes.Add("INSERT INTO t (ids, body) SELECT @ResidentIds, @body::jsonb WHERE @residentids @> ARRAY[@One]", new { ResidentIds = new[] { 1, 2 }, Body = "{}", One = 1 });

        var (sql, parameters) = writes.Take()!.Value;

        Assert.Equal("INSERT INTO t (ids, body) SELECT @w0_ResidentIds, @w0_Body::jsonb WHERE @w0_ResidentIds @> ARRAY[@w0_One];\n", sql);
        Assert.Equal(3, parameters.ParameterNames.Count());
    }

    [Fact]
    public void A_statement_that_names_a_value_its_parameters_lack_is_refused_before_it_is_sent()
    {
        var writes = new QueuedWrites();
        writes.Add("INSERT INTO t (a) VALUES (@missing)", new { present = 1 });

        Assert.Throws<InvalidOperationException>(() => writes.Take());
    }
}
