using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Backups;

/// <summary>
/// <c>./wij backup</c> and <c>./wij restore</c> as an operator runs them on a stack of its own:
/// what was there at the backup is back, what came after is gone, and every service's audit chain
/// verifies against its anchors after the restart.
/// </summary>
[Collection(nameof(AppHostTests))]
public sealed class BackupRestoreTests
{
    private static readonly string[] AuditedServices = ["intake", "calendar", "matching", "cafe"];

    [Fact]
    public async Task A_restored_backup_brings_back_every_database_as_it_was_and_the_audit_chains_verify()
    {
        var state = Path.Combine(Path.GetTempPath(), "wij-restore-" + Guid.NewGuid().ToString("N")[..10]);
        var backup = Path.Combine(Path.GetTempPath(), "wij-backup-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            Guid kept, lost, keptKey, lostKey;
            var first = AppHostProcess.Start(state);
            try
            {
                await first.WaitUntilHealthyAsync(TimeSpan.FromMinutes(6));
                var identity = DevelopmentIdentity.ForState(state);
                using var desk = Caller(first, identity, "desk", "Baliemedewerker Anna");
                using var admin = Caller(first, identity, "admin", "Beheerder");
                kept = await RegisterResidentAsync(desk, "Ødegård");
                keptKey = await IssueKeyAsync(admin, "Buurtzorg Noord");
                Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/intake/residents/{kept}")).StatusCode);

                var backedUp = await Wij(["backup", "--state-dir", state], backup);
                Assert.True(backedUp.Succeeded, backedUp.Output);

                lost = await RegisterResidentAsync(desk, "Nieuwenhuis");
                lostKey = await IssueKeyAsync(admin, "Woonzorg Zuid");
                var restored = await Wij(["restore", backup, "--state-dir", state], null);
                Assert.True(restored.Succeeded, restored.Output);
                Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(90)));
            }
            finally
            {
                await first.StopAsync(TimeSpan.FromSeconds(90));
            }
            File.Delete(Path.Combine(state, "resources.json"));

            await using var second = AppHostProcess.Start(state);
            await second.WaitUntilHealthyAsync(TimeSpan.FromMinutes(6));
            var again = DevelopmentIdentity.ForState(state);
            using var deskAgain = Caller(second, again, "desk", "Baliemedewerker Anna");
            using var adminAgain = Caller(second, again, "admin", "Beheerder");
            using var operatorAgain = Caller(second, again, "operator", "Beheer");

            var resident = await deskAgain.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{kept}");
            Assert.Equal("Ødegård", resident.GetProperty("lastName").GetString());
            Assert.Equal(HttpStatusCode.NotFound, (await deskAgain.GetAsync($"/api/intake/residents/{lost}")).StatusCode);
            var keys = (await adminAgain.GetFromJsonAsync<JsonElement>("/api/gateway/api-keys?pageSize=100")).GetProperty("items").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()).ToList();
            Assert.Contains(keptKey, keys);
            Assert.DoesNotContain(lostKey, keys);

            foreach (var service in AuditedServices)
            {
                var verdict = await operatorAgain.GetFromJsonAsync<JsonElement>($"/api/{service}/admin/audit/verify");
                Assert.True(verdict.GetProperty("intact").GetBoolean(), $"{service}: {verdict}");
            }
            // The anchors written after the backup are kept beside the restored ones, as evidence.
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(state, "audit"), "intake.anchors.replaced-*"));
        }
        finally
        {
            foreach (var folder in new[] { backup, state }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static HttpClient Caller(AppHostProcess host, DevelopmentIdentity identity, string role, string name) => new()
    {
        BaseAddress = host.GatewayUrl,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new("Bearer", identity.CreateToken(role, new Dictionary<string, string> { ["name"] = name }, subject: $"{role}-restore")) },
    };

    private static async Task<Guid> RegisterResidentAsync(HttpClient desk, string lastName)
    {
        var response = await desk.PostAsJsonAsync("/api/intake/residents", new
        {
            firstName = "Jeltje",
            lastName,
            dateOfBirth = "1944-02-11",
            postcode = "9712 HW",
            houseNumber = "7",
            street = "Oude Ebbingestraat",
            city = "Groningen",
            phone = "050 765 4321",
            preferredContact = "phone",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> IssueKeyAsync(HttpClient admin, string organisation)
    {
        var response = await admin.PostAsJsonAsync("/api/gateway/api-keys", new { partnerOrg = organisation, role = "partner", description = "signalen" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("info").GetProperty("id").GetGuid();
    }

    private static Task<CommandResult> Wij(string[] arguments, string? backupDirectory) =>
        CommandRunner.RunAsync(Path.Combine(RepositoryRoot.Find(), "wij"), arguments,
            environment: new Dictionary<string, string?> { ["BACKUP_DIR"] = backupDirectory },
            timeout: TimeSpan.FromMinutes(2));
}
