using Npgsql;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Each database role has a secret of its own (issue 15, item 8): the password in a service's
/// connection string opens that service's application role and nothing else, and that role cannot
/// become its database's owner, which alone may alter the audit trail.
/// </summary>
public sealed class DatabaseRoleTests(StackFixture stack)
{
    private static readonly string[] All = ["intakedb", "calendardb", "matchingdb", "cafedb", "gatewaydb"];

    public static TheoryData<string> Databases => [.. All];

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_services_password_opens_neither_the_owner_nor_the_superuser_nor_another_service(string database)
    {
        var app = new NpgsqlConnectionStringBuilder(stack.ConnectionStringAs(database, "app"));
        var other = database == "intakedb" ? "cafedb" : "intakedb";
        foreach (var (user, target) in new[] { ($"{database}_owner", database), ("postgres", database), ("postgres", "postgres"), ($"{other}_app", other), ($"{other}_owner", other) })
        {
            var attempt = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Username = user, Database = target, Pooling = false };
            await using var connection = new NpgsqlConnection(attempt.ConnectionString);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task The_application_role_cannot_set_role_to_the_owner(string database)
    {
        await using var connection = new NpgsqlConnection(stack.ConnectionStringAs(database, "app"));
        await connection.OpenAsync();
        await using var setRole = new NpgsqlCommand($"SET ROLE \"{database}_owner\"", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => setRole.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        await using var member = new NpgsqlCommand($"SELECT pg_has_role(current_user, '{database}_owner', 'MEMBER')", connection);
        Assert.False((bool)(await member.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Every_role_has_a_different_secret()
    {
        var passwords = All.SelectMany(d => new[] { stack.ConnectionStringAs(d, "app"), stack.ConnectionStringAs(d, "owner") })
            .Append(stack.ConnectionString("postgres"))
            .Select(c => new NpgsqlConnectionStringBuilder(c).Password)
            .ToList();
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
