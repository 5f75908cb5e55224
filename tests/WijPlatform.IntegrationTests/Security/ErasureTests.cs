using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using WijPlatform.IntegrationTests.Calendar;
using WijPlatform.IntegrationTests.Cafe;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// A resident known to every service asks to be forgotten. Once all four services have confirmed, a
/// dump of every database (as the superuser) and every queue of the broker hold nothing of her: not
/// her name, BSN, phone, street, nor the notes written about her. Everything is done by the roles
/// that do it for real: the desk, a professional of her team, the volunteer coordinator, the café.
/// </summary>
public sealed class ErasureTests(StackFixture stack)
{
    private static readonly string[] Databases = ["intakedb", "calendardb", "matchingdb", "cafedb", "noticesdb", "gatewaydb"];
    private static readonly string[] Queues = ["intake", "calendar", "matching", "cafe", "notices", "intake_error", "calendar_error", "matching_error", "cafe_error", "notices_error"];

    private sealed record Resident(string FirstName, string LastName, string Bsn, string Phone, string Street, string Diagnosis, string Postcode)
    {
        public string FullName => $"{FirstName} {LastName}";

        /// <summary>What must be found nowhere once she is erased.</summary>
        public IReadOnlyDictionary<string, string> Traces => new Dictionary<string, string>
        {
            ["first name"] = FirstName, ["last name"] = LastName, ["BSN"] = Bsn, ["phone"] = Phone, ["street"] = Street, ["note"] = Diagnosis,
        };

        public static Resident Unique() => new(
            "Trijntje" + Letters(6), "Vlasbloem" + Letters(6), Digits(9), "06" + Digits(8), "Zonnebloemstraat" + Letters(6), "Zeldzaamsyndroom" + Letters(6),
            Intake.IntakeApi.UniquePostcode());

        private static string Letters(int count) => new(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

        private static string Digits(int count) => new(Enumerable.Range(0, count).Select(_ => (char)('0' + Random.Shared.Next(10))).ToArray());
    }

    [Fact]
    public async Task After_every_service_confirmed_an_erasure_no_database_dump_and_no_queue_holds_anything_of_the_resident()
    {
        var her = Resident.Unique();
        using var desk = stack.As(WijRoles.Desk, new Dictionary<string, string> { [WijClaims.Name] = "Baliemedewerker Els" });
        using var professional = stack.As(WijRoles.Professional, new Dictionary<string, string>
        {
            [WijClaims.Name] = "Sanne de Vries", [WijClaims.Team] = "Groningen Centrum", [WijClaims.ProfessionalId] = Guid.NewGuid().ToString(),
        });
        using var coordinator = stack.As(WijRoles.Coordinator, new Dictionary<string, string> { [WijClaims.Name] = "Coordinator Joke" });
        using var cafe = stack.As(WijRoles.Cafe, new Dictionary<string, string> { [WijClaims.Name] = "Cafe Noord, Ans" });
        using var anonymous = stack.Anonymous();
        // A copy of every message with personal data that crosses the broker from here on, as it lies in a queue.
        await using var broker = await Broker.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var copies = await broker.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var copyQueue = (await copies.QueueDeclareAsync($"erasure-test-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true,
            cancellationToken: TestContext.Current.CancellationToken)).QueueName;
        foreach (var type in new[] { typeof(VolunteerRequested), typeof(ActivityReferralRequested), typeof(MealDeliveryRequested) })
        {
            await copies.QueueBindAsync(copyQueue, BrokerTopology.MessageExchange(type), "", cancellationToken: TestContext.Current.CancellationToken);
        }

        // Intake: registered at the desk, a case with notes, a contact and a plan, consent for everything that follows.
        var resident = await PostOkAsync(desk, "/api/intake/residents", new
        {
            firstName = her.FirstName, lastName = her.LastName, dateOfBirth = "1941-05-17", postcode = her.Postcode, houseNumber = "17b", street = her.Street,
            city = "Groningen", phone = her.Phone, preferredContact = "phone",
        });
        var residentId = resident.GetProperty("id").GetGuid();
        Assert.Equal("Groningen Centrum", resident.GetProperty("neighbourhood").GetString());
        var caseId = (await PostOkAsync(desk, "/api/intake/help-requests", new
        {
            channel = "on-behalf", domains = new[] { "eenzaamheid", "zorg" }, residentId, onBehalfOf = $"dochter Marijke {her.LastName}",
            description = $"Mevrouw {her.FullName} (BSN {her.Bsn}) heeft {her.Diagnosis} en komt de deur niet meer uit.",
        })).GetProperty("id").GetGuid();
        await PostOkAsync(professional, $"/api/intake/cases/{caseId}/notes", new { text = $"BSN {her.Bsn}; diagnose {her.Diagnosis}; bellen op {her.Phone}." });
        await PostOkAsync(professional, $"/api/intake/cases/{caseId}/contacts", new { way = "phone", summary = $"Gesproken met {her.FullName} over {her.Diagnosis}." });
        await PostOkAsync(professional, $"/api/intake/households/{resident.GetProperty("householdId").GetGuid()}/plan/concerns", new { description = $"{her.Diagnosis} bij {her.FullName}" });
        foreach (var purpose in new[] { "share-with-volunteer", "activity-signup", "meal-delivery" })
        {
            await PostOkAsync(desk, $"/api/intake/residents/{residentId}/consents", new { purpose });
        }

        // Matching: a volunteer walks with her; the coordinator's check-in and evaluation are about her.
        var talent = $"t-{Guid.NewGuid():N}"[..20];
        var volunteerReferral = (await PostOkAsync(professional, $"/api/intake/cases/{caseId}/referrals", new { kind = "volunteer", talent })).GetProperty("id").GetGuid();
        var request = await StackFixture.EventuallyGetAsync(coordinator, $"/api/matching/requests/{volunteerReferral}");
        Assert.Equal(her.FirstName, request.GetProperty("firstName").GetString());
        var volunteerId = (await PostOkAsync(coordinator, "/api/matching/volunteers", new
        {
            firstName = "Hanneke", talents = Array.Empty<string>(), otherTalents = new[] { talent }, postcode = her.Postcode, travelMode = "bike",
        })).GetProperty("id").GetGuid();
        var matchId = (await PostOkAsync(coordinator, $"/api/matching/requests/{volunteerReferral}/proposals", new { volunteerId })).GetProperty("id").GetGuid();
        await PostOkAsync(coordinator, $"/api/matching/matches/{matchId}/introduce", new { });
        await PostOkAsync(coordinator, $"/api/matching/matches/{matchId}/activate", new { });
        await PostOkAsync(coordinator, $"/api/matching/matches/{matchId}/hours", new { day = DateOnly.FromDateTime(DateTime.UtcNow), hours = 1.5 });
        await PostOkAsync(coordinator, $"/api/matching/matches/{matchId}/check-in", new { notes = $"{her.FirstName} vertelt over haar {her.Diagnosis}.", by = "Coördinator Joke" });
        await PostOkAsync(coordinator, $"/api/matching/matches/{matchId}/evaluate", new { notes = $"Klikt goed met {her.FullName} ({her.Phone})." });

        // Calendar: she is signed up through a referral, and an activity she proposed herself is on the public calendar in her name.
        var monday = CalendarKit.RandomMonday();
        var games = (await PostOkAsync(coordinator, "/api/calendar/activities", CalendarKit.Games(CalendarKit.UniqueRoom(), CalendarKit.At(monday, 14)))).GetProperty("id").GetGuid();
        await PostOkAsync(professional, $"/api/intake/cases/{caseId}/referrals", new { kind = "activity", activityId = games, occurrenceStart = CalendarKit.At(monday, 14) });
        await StackFixture.EventuallyAsync(async () => (await coordinator.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{games}/signups"))
            .GetProperty("items").EnumerateArray().Any(s => s.GetProperty("displayName").GetString() == $"{her.FirstName} {her.LastName[0]}."));
        var proposalId = (await PostOkAsync(desk, "/api/calendar/proposals", new
        {
            title = "Breiclub", description = $"{her.FullName} leert de buren breien; bel {her.Phone}.", category = "crafts", proposedBy = her.FullName, phone = her.Phone,
            residentId, suggestedTime = "dinsdagmiddag",
        })).GetProperty("id").GetGuid();
        var ownActivity = (await PostOkAsync(coordinator, $"/api/calendar/proposals/{proposalId}/approve", new
        {
            title = "Breiclub", description = $"Breien met {her.FullName}.", category = "crafts", room = CalendarKit.UniqueRoom(),
            startsAt = CalendarKit.At(monday.AddDays(1), 14), endsAt = CalendarKit.At(monday.AddDays(1), 16), capacity = 10, organiserName = her.FullName,
        })).GetProperty("id").GetGuid();
        Assert.Equal(her.FullName, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{ownActivity}")).GetProperty("organiserName").GetString());

        // Café: meals delivered at home after the team's referral, a round with her door on it, and an order of her own.
        var date = CafeClient.FreshFutureDate();
        foreach (var day in new[] { date, date.AddDays(1) })
        {
            await PostOkAsync(cafe, "/api/cafe/menus", new { date = day, dish = "Hutspot met klapstuk", priceCents = 750, allergens = new[] { "celery" }, portions = 20 });
        }
        var mealReferral = (await PostOkAsync(professional, $"/api/intake/cases/{caseId}/referrals", new
        {
            kind = "meal-delivery", weekdays = new[] { date.DayOfWeek.ToString().ToLowerInvariant() }, startsOn = date, remarks = $"Sleutel bij {her.LastName} onder de mat; {her.Diagnosis}.",
        })).GetProperty("id").GetGuid();
        await StackFixture.EventuallyGetAsync(cafe, $"/api/cafe/delivery-applications/{mealReferral}");
        await PostOkAsync(cafe, $"/api/cafe/delivery-applications/{mealReferral}/accept", new
        {
            endsOn = date.AddDays(6), emergencyContactName = $"Marijke {her.LastName}", emergencyContactPhone = "06-11112222", paymentMethod = "monthly",
            specialRequest = $"Aanbellen bij {her.LastName}",
        });
        await PostOkAsync(cafe, "/api/cafe/orders", new { date = date.AddDays(1), residentId, fulfilment = "delivery", specialRequest = $"Voor {her.FirstName}: {her.Diagnosis}" });
        using (var rounds = await cafe.PostAsJsonAsync("/api/cafe/rounds", new { date }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, rounds.StatusCode);
        }

        // On the broker (and so in its files, an error queue or a replay) the three messages about her hold her data sealed only.
        var aboutHer = new List<string>();
        while (await copies.BasicGetAsync(copyQueue, autoAck: true, TestContext.Current.CancellationToken) is { } copy)
        {
            var body = Encoding.UTF8.GetString(copy.Body.Span);
            if (body.Contains(residentId.ToString(), StringComparison.Ordinal))
            {
                aboutHer.Add(body);
            }
        }
        Assert.Equal(3, aboutHer.Count);
        Assert.All(aboutHer, body => Assert.Contains(FieldCipher.Prefix, body, StringComparison.Ordinal));
        Assert.Empty(Found(her, aboutHer.Select((body, i) => ($"message {i} about her on the broker", body)).ToDictionary()));

        // She asks to be forgotten; a professional of her team records it and every service confirms.
        using var erasure = await professional.PostAsJsonAsync($"/api/intake/residents/{residentId}/erasure", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, erasure.StatusCode);
        await StackFixture.EventuallyAsync(async () =>
            (await professional.GetFromJsonAsync<JsonElement>(erasure.Headers.Location!.ToString())).GetProperty("confirmedBy").EnumerateArray()
                .Select(c => c.GetProperty("service").GetString()).Order().SequenceEqual(["cafe", "calendar", "intake", "matching", "notices"]), TimeSpan.FromSeconds(60));

        var organised = await anonymous.GetFromJsonAsync<JsonElement>($"/api/calendar/activities/{ownActivity}");
        Assert.Equal(JsonValueKind.Null, organised.GetProperty("organiserName").ValueKind);
        Assert.DoesNotContain(her.LastName, organised.GetRawText(), StringComparison.Ordinal);

        var everywhere = new Dictionary<string, string>();
        foreach (var database in Databases)
        {
            everywhere[$"dump of {database}"] = await DumpAsync(database);
        }
        foreach (var queue in Queues)
        {
            everywhere[$"queue {queue}"] = await QueueContentsAsync(queue);
        }
        Assert.Empty(Found(her, everywhere));
    }

    private static List<string> Found(Resident her, IReadOnlyDictionary<string, string> places) =>
        places.SelectMany(place => her.Traces.Where(trace => place.Value.Contains(trace.Value, StringComparison.OrdinalIgnoreCase)).Select(trace => $"{place.Key} holds her {trace.Key}"))
            .ToList();

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The whole database as the superuser sees it: schema and every row (pg_dump, plain SQL).</summary>
    private async Task<string> DumpAsync(string database)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(stack.ConnectionString(database));
        var start = new ProcessStartInfo(Path.Combine(Aspire.Hosting.LocalPostgresBuilderExtensions.FindBinDirectory()!, "pg_dump"))
        {
            ArgumentList = { "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, "--no-password", database },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = connection.Password },
        };
        using var dump = Process.Start(start)!;
        var output = dump.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = dump.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await dump.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(dump.ExitCode == 0, $"pg_dump {database} failed: {await errors}");
        return await output;
    }

    private ConnectionFactory Broker => new() { Uri = stack.BrokerAddress };

    /// <summary>Every message in a queue, bodies and headers, taken without acknowledging (closing the channel puts them back).</summary>
    private async Task<string> QueueContentsAsync(string queue)
    {
        await using var connection = await Broker.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var contents = new StringBuilder();
        while (await channel.BasicGetAsync(queue, autoAck: false, TestContext.Current.CancellationToken) is { } message)
        {
            contents.AppendLine(Encoding.UTF8.GetString(message.Body.Span));
            foreach (var (key, value) in message.BasicProperties.Headers ?? new Dictionary<string, object?>())
            {
                contents.Append(key).Append('=').AppendLine(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString());
            }
        }
        return contents.ToString();
    }
}
