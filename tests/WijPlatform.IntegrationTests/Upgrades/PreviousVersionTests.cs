using System.Diagnostics;
using System.Net.Http.Headers;
using WijPlatform.Hosting;

namespace WijPlatform.IntegrationTests.Upgrades;

/// <summary>
/// A rolling update runs the previous version's instances against the new schema until the last one
/// is replaced, so migrations are forward-only and additive. Proven with the real programs: this
/// build's stack makes fresh databases and applies its migrations, the previous version's stack
/// (<see cref="PreviousVersion"/>) then runs on those same databases and broker and writes and reads,
/// and this build's stack runs on them again and reads what both wrote.
/// </summary>
public sealed class PreviousVersionTests
{
    // As the backup test: a stack starting while the suite runs on two loaded cores.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task The_previous_versions_services_run_against_the_new_schema_and_the_new_ones_read_what_they_wrote()
    {
        var clock = Stopwatch.StartNew();
        var previous = await PreviousVersion.PrepareAsync();
        var built = clock.Elapsed;
        var state = Path.Combine(Path.GetTempPath(), "wij-upgrade-" + Guid.NewGuid().ToString("N")[..10]);
        var stacks = new List<AppHostProcess>();
        try
        {
            // This version first: fresh databases with every migration of this build.
            var current = await StartAsync(stacks, state, appHost: null);
            var before = await WriteAndReadAsync(current, "nieuw");
            Assert.Equal(0, await current.StopAsync(TimeSpan.FromMinutes(1)));

            // The previous version on the new schema: it starts (its own migrations are all applied
            // already), reads what the new version wrote and writes and reads its own.
            var old = await StartAsync(stacks, state, previous.AppHostAssembly);
            await ReadBackAsync(old, before);
            var during = await WriteAndReadAsync(old, "vorig");
            Assert.Equal(0, await old.StopAsync(TimeSpan.FromMinutes(1)));

            // And this version again on the same databases: both versions' data is there, and it writes on.
            var again = await StartAsync(stacks, state, appHost: null);
            await ReadBackAsync(again, before);
            await ReadBackAsync(again, during);
            await WriteAndReadAsync(again, "weer");
            TestContext.Current.TestOutputHelper?.WriteLine($"previous version {previous.Describe}: built in {built.TotalSeconds:F0} s, whole test {clock.Elapsed.TotalSeconds:F0} s");
        }
        finally
        {
            foreach (var stack in stacks)
            {
                await stack.DisposeAsync();
            }
        }
    }

    private static async Task<AppHostProcess> StartAsync(List<AppHostProcess> stacks, string state, string? appHost)
    {
        var stack = AppHostProcess.Start(state, appHostAssembly: appHost, noDashboard: true);
        stacks.Add(stack);
        await stack.WaitUntilHealthyAsync(StartTimeout);
        return stack;
    }

    /// <summary>What one version wrote: a resident, their question, an activity and their sign-up.</summary>
    private sealed record Written(string Tag, Guid Resident, Guid HelpRequest, Guid Activity, Guid Signup);

    /// <summary>The desk registers a resident and their question; a coordinator plans an activity; the desk signs the resident up.</summary>
    private static async Task<Written> WriteAndReadAsync(AppHostProcess stack, string tag)
    {
        using var desk = Caller(stack, "desk", new() { ["name"] = "Baliemedewerker Anna" }, "desk-anna");
        using var coordinator = Caller(stack, "coordinator", new() { ["name"] = "Coördinator Els" }, "coordinator-els");
        var postcode = IntakeApi.UniquePostcode();
        var resident = await CreatedAsync(desk.PostAsJsonAsync("/api/intake/residents", new
        {
            firstName = "Jörgen", lastName = $"Wübbels-{tag}", dateOfBirth = "1947-05-12", postcode, houseNumber = IntakeApi.UniqueHouseNumber(),
            street = "Oude Ebbingestraat", city = "Groningen", phone = "050 123 4567", preferredContact = "phone",
        }));
        var question = await CreatedAsync(desk.PostAsJsonAsync("/api/intake/help-requests", new
        {
            channel = "desk", domains = new[] { "eenzaamheid" }, description = $"Meneer wil graag iemand om mee te wandelen ({tag}).", postcode, residentId = resident,
        }));
        var startsAt = Calendar.CalendarKit.At(Calendar.CalendarKit.RandomMonday(), 14);
        var activity = await CreatedAsync(coordinator.PostAsJsonAsync("/api/calendar/activities", Calendar.CalendarKit.Games(Calendar.CalendarKit.UniqueRoom(), startsAt)));
        var signup = await CreatedAsync(desk.PostAsJsonAsync($"/api/calendar/activities/{activity}/signups", new { displayName = $"Jörgen {tag}", residentId = resident }));
        var written = new Written(tag, resident, question, activity, signup);
        await ReadBackAsync(stack, written);
        return written;
    }

    private static async Task ReadBackAsync(AppHostProcess stack, Written written)
    {
        using var desk = Caller(stack, "desk", new() { ["name"] = "Baliemedewerker Anna" }, "desk-anna");
        var resident = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents/{written.Resident}");
        Assert.Equal($"Wübbels-{written.Tag}", resident.GetProperty("lastName").GetString());
        // The question is the team's to read (Groningen Centrum: the postcodes are 9712), not the desk's.
        using var professional = Caller(stack, "professional", new() { ["name"] = "Wijkwerker Sanne", ["team"] = IntakeApi.Centrum }, "pro-sanne-centrum");
        var question = await professional.GetFromJsonAsync<JsonElement>($"/api/intake/help-requests/{written.HelpRequest}");
        Assert.Contains($"({written.Tag})", question.GetProperty("description").GetString(), StringComparison.Ordinal);
        var signups = await AllPages.ItemsAsync(desk, $"/api/calendar/activities/{written.Activity}/signups");
        var signup = Assert.Single(signups);
        Assert.Equal(written.Signup, signup.GetProperty("id").GetGuid());
        Assert.Equal($"Jörgen {written.Tag}", signup.GetProperty("displayName").GetString());
    }

    private static async Task<Guid> CreatedAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static HttpClient Caller(AppHostProcess stack, string role, Dictionary<string, string> claims, string subject) => new()
    {
        BaseAddress = stack.GatewayUrl,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentIdentity.ForState(stack.StateDirectory).CreateToken(role, claims, subject: subject)) },
    };
}
