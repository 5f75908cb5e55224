namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// NEN 7513 against whoever holds the database's superuser password: the audit chain is anchored
/// outside the database and every line is signed with a key the database never sees, so removing the
/// newest lines, rewriting the chain, or keeping lines unsealed while altering them all show.
/// Each test tampers with a trail of its own: an intake instance on a fresh database, behind a
/// gateway of its own, called as the desk and the operator would.
/// </summary>
public sealed class AuditAnchorTests(AuditAnchorTests.OwnTrail trail) : IClassFixture<AuditAnchorTests.OwnTrail>
{
    // The lock audit_seal() takes.
    private const long SealerLock = 7513;

    [Fact]
    public async Task Removing_the_newest_line_with_its_seal_shows_against_the_anchor_outside_the_database()
    {
        await trail.FreshAsync();
        await trail.RegisterResidentAsync();
        var before = await trail.VerifyAsync();
        Assert.True(before.GetProperty("intact").GetBoolean(), before.ToString());

        // The superuser removes the newest line and its seal while holding the sealer's lock: the chain that is left is consistent.
        long removedSeal, removedLine;
        await using (var db = await trail.OpenDatabaseAsync())
        await using (var transaction = await db.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Execute(db, $"SELECT pg_advisory_xact_lock({SealerLock})", transaction);
            removedSeal = await Scalar<long>(db, "SELECT seq FROM audit_seals ORDER BY seq DESC LIMIT 1", transaction);
            removedLine = await Scalar<long>(db, $"SELECT line_id FROM audit_seals WHERE seq = {removedSeal}", transaction);
            Assert.Equal(0L, await Scalar<long>(db, "SELECT count(*) FROM audit_unsealed", transaction));
            await Execute(db, $"DELETE FROM audit_seals WHERE seq = {removedSeal}", transaction);
            await Execute(db, $"DELETE FROM audit_log WHERE id = {removedLine}", transaction);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        // Work goes on; the next line takes the removed one's place in the chain.
        await trail.RegisterResidentAsync();

        var after = await trail.VerifyAsync();
        Assert.False(after.GetProperty("intact").GetBoolean(), after.ToString());
        Assert.Contains(Findings(after), f => f.Kind is "removed" or "rewritten" && f.Line == removedLine);
        // What caught it lives outside the database: the service's anchor file names the removed seal and line.
        var anchored = (await File.ReadAllLinesAsync(trail.AnchorFile, TestContext.Current.CancellationToken))[^1];
        Assert.Contains($"\"seal\":{removedSeal},\"line\":{removedLine},", anchored);
    }

    [Fact]
    public async Task Altering_a_line_and_recomputing_the_seals_after_it_shows()
    {
        await trail.FreshAsync();
        for (var i = 0; i < 3; i++)
        {
            await trail.RegisterResidentAsync();
        }
        var before = await trail.VerifyAsync();
        Assert.True(before.GetProperty("intact").GetBoolean(), before.ToString());

        long target;
        await using (var db = await trail.OpenDatabaseAsync())
        await using (var transaction = await db.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Execute(db, $"SELECT pg_advisory_xact_lock({SealerLock})", transaction);
            target = await Scalar<long>(db, "SELECT line_id FROM audit_seals ORDER BY seq OFFSET 1 LIMIT 1", transaction);
            await Execute(db, $"UPDATE audit_log SET actor_name = 'iemand anders', role = 'professional' WHERE id = {target}", transaction);
            // Every seal from the altered line on, recomputed exactly as audit_seal() computes them.
            await Execute(db, $"""
                DO $$
                DECLARE
                    seal audit_seals%ROWTYPE;
                    previous bytea;
                BEGIN
                    FOR seal IN SELECT * FROM audit_seals WHERE seq >= (SELECT seq FROM audit_seals WHERE line_id = {target}) ORDER BY seq LOOP
                        previous := coalesce(previous, seal.prev_hash);
                        UPDATE audit_seals SET prev_hash = previous, hash = sha256(previous || audit_log_content(a))
                          FROM audit_log a WHERE a.id = seal.line_id AND audit_seals.seq = seal.seq
                        RETURNING audit_seals.hash INTO previous;
                    END LOOP;
                END $$
                """, transaction);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        var after = await trail.VerifyAsync();
        Assert.False(after.GetProperty("intact").GetBoolean(), after.ToString());
        var findings = Findings(after);
        Assert.Contains(findings, f => f.Kind == "altered" && f.Line == target);
        Assert.Contains(findings, f => f.Kind == "rewritten");
        Assert.DoesNotContain(findings, f => f.Kind == "chain-broken");
        Assert.Equal(target, after.GetProperty("firstBrokenLine").GetInt64());
    }

    [Fact]
    public async Task Holding_the_sealers_lock_is_reported_and_a_line_altered_meanwhile_shows_once_it_is_sealed()
    {
        await trail.FreshAsync();
        await trail.RegisterResidentAsync();
        Assert.True((await trail.VerifyAsync()).GetProperty("intact").GetBoolean());

        await using var holder = await trail.OpenDatabaseAsync();
        await Execute(holder, $"SELECT pg_advisory_lock({SealerLock})");
        await trail.RegisterResidentAsync();

        JsonElement blocked = default;
        await StackFixture.EventuallyAsync(async () =>
        {
            blocked = await trail.VerifyAsync();
            return Findings(blocked).Any(f => f.Kind == "unsealed");
        }, TimeSpan.FromSeconds(60));
        Assert.False(blocked.GetProperty("intact").GetBoolean());
        var unsealed = Findings(blocked).Single(f => f.Kind == "unsealed");
        Assert.Contains("'postgres'", unsealed.Detail);

        // In that window the superuser alters the waiting line, then lets it be sealed as it now stands.
        await using (var db = await trail.OpenDatabaseAsync())
        {
            await Execute(db, $"UPDATE audit_log SET outcome = '200', actor_name = 'iemand anders' WHERE id = {unsealed.Line}");
        }
        await Execute(holder, $"SELECT pg_advisory_unlock({SealerLock})");

        JsonElement sealedAgain = default;
        await StackFixture.EventuallyAsync(async () =>
        {
            sealedAgain = await trail.VerifyAsync();
            return !Findings(sealedAgain).Any(f => f.Kind == "unsealed");
        }, TimeSpan.FromSeconds(60));
        Assert.False(sealedAgain.GetProperty("intact").GetBoolean());
        Assert.Contains(Findings(sealedAgain), f => f.Kind == "altered" && f.Line == unsealed.Line);
    }

    private sealed record Finding(string Kind, long? Line, string Detail);

    private static List<Finding> Findings(JsonElement verification) =>
        verification.TryGetProperty("findings", out var findings) ? findings.Deserialize<List<Finding>>(JsonSerializerOptions.Web)! : [];

    private static async Task Execute(NpgsqlConnection db, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, db, transaction);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection db, string sql, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(sql, db, transaction);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>An intake instance with a database of its own (no broker: it takes nothing from the stack's queues) and a gateway in front of it.</summary>
    public sealed class OwnTrail(StackFixture stack) : IAsyncLifetime
    {
        private readonly OwnInstances _own = new(stack, "audit");
        private ServiceInstance? _intake;
        private ServiceInstance? _gateway;
        private HttpClient? _desk;
        private HttpClient? _operator;
        private readonly List<string> _databases = [];
        private int _tests;

        public string Database => _databases[^1];

        public string AnchorFile { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            _intake = _own.Service("intake", "", OwnInstances.NoBroker).WithEnvironment("Audit__AnchorInterval", "00:00:01");
            _gateway = _own.Gateway(_intake);
            await CreateDatabaseAsync();
            await _own.StartAsync(_intake, _gateway);
            _desk = _own.Client(_gateway, "desk", new Dictionary<string, string> { ["name"] = "Baliemedewerker Piet" }, subject: "piet");
            _operator = _own.Client(_gateway, "operator", subject: "beheer");
        }

        /// <summary>Intake on a new, empty database and a new anchor file: a trail nobody has tampered with yet.</summary>
        public async Task FreshAsync()
        {
            // The first test gets the trail the instance started with.
            if (++_tests == 1)
            {
                return;
            }
            await OwnInstances.StopAsync(_intake!);
            await CreateDatabaseAsync();
            await _own.StartAsync(_intake!);
        }

        private async Task CreateDatabaseAsync()
        {
            var name = $"intake_audit_{Guid.NewGuid().ToString("N")[..10]}";
            await using (var postgres = await stack.OpenDatabaseAsync("postgres"))
            await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", postgres))
            {
                await create.ExecuteNonQueryAsync();
            }
            _databases.Add(name);
            AnchorFile = Path.Combine(_own.State, "audit", $"{name}.anchors");
            _intake!.WithEnvironment("ConnectionStrings__intakedb", stack.ConnectionString(name))
                .WithEnvironment("Audit__AnchorPath", AnchorFile);
        }

        public Task<NpgsqlConnection> OpenDatabaseAsync() => stack.OpenDatabaseAsync(Database);

        public async Task RegisterResidentAsync()
        {
            using var response = await _desk!.PostAsJsonAsync("/api/intake/residents", new
            {
                firstName = "Grietje",
                lastName = "Bakker",
                dateOfBirth = "1938-02-11",
                postcode = "9712 HW",
                houseNumber = Random.Shared.Next(1, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                street = "Oude Ebbingestraat",
                city = "Groningen",
                phone = "050 765 4321",
                preferredContact = "phone",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        public async Task<JsonElement> VerifyAsync()
        {
            using var response = await _operator!.GetAsync("/api/intake/admin/audit/verify");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadAsync<JsonElement>();
        }

        public async ValueTask DisposeAsync()
        {
            _desk?.Dispose();
            _operator?.Dispose();
            await _own.DisposeAsync();
            await using var postgres = await stack.OpenDatabaseAsync("postgres");
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", postgres);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
