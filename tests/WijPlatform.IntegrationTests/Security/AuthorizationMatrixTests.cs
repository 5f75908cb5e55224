namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Every operation of every service, as the OpenAPI documents list them: without a token or with a
/// bad one it answers 401; for each role it answers as its declared roles say, never 2xx to a role
/// that may not call it. Through the real gateway, against the real services.
/// </summary>
public sealed class AuthorizationMatrixTests(StackFixture stack)
{
    /// <summary>The public calendar, readable without signing in; nothing else is.</summary>
    private static readonly string[] PublicTemplates =
    [
        "/api/calendar/activities", "/api/calendar/activities/{id}", "/api/calendar/activities/{id}/occurrences",
        "/api/calendar/occurrences", "/api/calendar/this-week", "/api/calendar/feeds/all.ics", "/api/calendar/feeds/categories/{category}.ics",
        "/api/calendar/feeds/activities/{id}.ics",
    ];

    [Fact]
    public async Task Without_a_valid_token_every_operation_but_the_public_calendar_answers_401()
    {
        var operations = await Operations.AllAsync(stack);
        var identity = stack.Identity;
        var now = DateTime.UtcNow;
        var badTokens = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["expired"] = identity.CreateToken("admin", lifetime: TimeSpan.FromMinutes(-2)),
            ["forged"] = Hosting.DevelopmentIdentity.CreateToken(Hosting.DevelopmentIdentity.Issuer, Convert.ToBase64String(new byte[32]), Hosting.DevelopmentIdentity.Audience, "admin", null, TimeSpan.FromHours(1)),
            ["alg-none"] = Tokens.Unsigned("admin"),
        };
        using var client = stack.Anonymous();
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            if (operation.Anonymous)
            {
                if (operation.Method != "GET" || !PublicTemplates.Contains(operation.Template.Replace("{id:guid}", "{id}", StringComparison.Ordinal)))
                {
                    failures.Add($"{operation} is open to anyone but is not part of the public calendar");
                }
                using var response = await client.SendAsync(operation.Request());
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    failures.Add($"{operation} is public in its document but the gateway answered {(int)response.StatusCode}");
                }
                continue;
            }
            foreach (var (kind, token) in badTokens)
            {
                using var response = await client.SendAsync(operation.Request(token));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{operation} with token '{kind}': {(int)response.StatusCode}");
                }
                Operations.AssertNothingLeaks(body, operation, response.StatusCode);
            }
        }
        Assert.Empty(failures);
    }

    // Dutch, the default language of every text for people.
    private const string RoleRefusal = "Uw rol mag dit niet doen.";

    [Fact]
    public async Task Each_role_gets_what_the_documents_declare_and_no_2xx_where_it_may_not()
    {
        var operations = await Operations.AllAsync(stack);
        var failures = new List<string>();
        foreach (var role in TokenCommand.Roles)
        {
            // Claims a real caller of this role carries; the records named by the random ids do not exist.
            var claims = new Dictionary<string, string>
            {
                ["team"] = "Groningen Centrum",
                ["volunteer_id"] = Guid.NewGuid().ToString(),
                ["professional_id"] = Guid.NewGuid().ToString(),
                ["partner_org"] = "Matrix Partner",
                ["resident_id"] = Guid.NewGuid().ToString(),
            };
            using var client = stack.As(role, claims, subject: $"matrix-{role}");
            foreach (var operation in operations.Where(o => !o.Anonymous))
            {
                using var response = await client.SendAsync(operation.Request());
                var body = await response.Content.ReadAsStringAsync();
                var allowed = operation.Roles.Contains(role);
                // A refusal for the role says so; a refusal for the record (another team's case) is not about the role.
                var refusedForRole = response.StatusCode == HttpStatusCode.Forbidden && body.Contains(RoleRefusal, StringComparison.Ordinal);
                if (!allowed && !refusedForRole)
                {
                    failures.Add($"{role} → {operation}: {(int)response.StatusCode}, expected 403 for the role");
                }
                if (allowed && (response.StatusCode == HttpStatusCode.Unauthorized || refusedForRole))
                {
                    failures.Add($"{role} → {operation}: {(int)response.StatusCode}, but the document allows {role}");
                }
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{role} → {operation}: {(int)response.StatusCode}");
                }
                Operations.AssertNothingLeaks(body, operation, response.StatusCode);
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_declared_roles_follow_least_privilege()
    {
        var operations = (await Operations.AllAsync(stack)).Where(o => !o.Anonymous).ToList();
        bool May(Operation o, string role) => o.Roles.Contains(role);

        Assert.All(operations, o => Assert.Contains("admin", o.Roles));
        // Volunteers and the café never reach intake's records of residents and cases; the coordinator only its results (counts, no person).
        Assert.DoesNotContain(operations, o => o.Service == "intake" && (May(o, "volunteer") || May(o, "cafe")
            || (May(o, "coordinator") && !o.Template.StartsWith("/api/intake/results", StringComparison.Ordinal))));
        Assert.All(operations.Where(o => o.Template.Contains("/results", StringComparison.Ordinal)), o => Assert.Equal(["admin", "coordinator"], o.Roles.Order()));
        // A partner only submits signals, reads their status, registers the callback that tells it of them,
        // and signs up its own clients for an activity meant for them (on an endpoint of its own, for partners only).
        Assert.All(operations.Where(o => May(o, "partner")), o => Assert.True(
            o.Template.StartsWith("/api/intake/signals", StringComparison.Ordinal) || (o.Method == "POST" && o.Template.TrimEnd('/') == "/api/notices/webhooks")
            || (o.Template.StartsWith("/api/calendar/activities/{id}/partner-signups", StringComparison.Ordinal) && o.Roles.Order().SequenceEqual(["admin", "partner"])), $"{o.Method} {o.Template}"));
        // The operator sees the platform's plumbing, never a person.
        Assert.All(operations.Where(o => May(o, "operator")), o => Assert.Contains("/admin/", o.Template));
        // The desk registers questions and contact data but reads no case, plan or referral.
        Assert.DoesNotContain(operations, o => May(o, "desk") && (o.Template.StartsWith("/api/intake/cases", StringComparison.Ordinal) || o.Template.Contains("/plan", StringComparison.Ordinal)));
        Assert.DoesNotContain(operations, o => May(o, "desk") && o.Method == "GET" && o.Template.StartsWith("/api/intake/help-requests", StringComparison.Ordinal));
        // Nobody but the coordinator (and the volunteer for their own) handles matching's volunteers and matches.
        Assert.DoesNotContain(operations, o => o.Service == "matching" && !o.Template.Contains("/admin/", StringComparison.Ordinal) && !o.Template.Contains("/reports/", StringComparison.Ordinal)
            && (May(o, "desk") || May(o, "professional") || May(o, "cafe")));
    }
}
