using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// Every endpoint of every service, as its endpoint data source holds it (not only what the OpenAPI
/// documents show), says who may call it and whether it touches residents' data. An endpoint that
/// says nothing falls to the administrators-only fallback and is not audited: that is a mistake.
/// </summary>
public sealed class EndpointDeclarationTests(StackFixture stack)
{
    public static async Task<IReadOnlyList<(string Service, EndpointAccess Endpoint)>> AllAsync(StackFixture stack)
    {
        using var operations = stack.Operator();
        var all = new List<(string, EndpointAccess)>();
        foreach (var service in Operations.Services)
        {
            var endpoints = await operations.GetFromJsonAsync<List<EndpointAccess>>($"/api/{service}/admin/endpoints");
            all.AddRange(endpoints!.Select(e => (service, e)));
        }
        return all;
    }

    [Fact]
    public async Task Every_endpoint_declares_its_roles_and_whether_it_is_audited()
    {
        var endpoints = await AllAsync(stack);
        Assert.True(endpoints.Count > 100, $"only {endpoints.Count} endpoints reported");
        var undeclared = endpoints.Where(e => !e.Endpoint.RolesDeclared).Select(e => $"{e.Endpoint.Method} {e.Endpoint.Route}: no roles").ToList();
        undeclared.AddRange(endpoints.Where(e => (e.Endpoint.AuditedAs is null) == !e.Endpoint.WithoutResidentData)
            .Select(e => $"{e.Endpoint.Method} {e.Endpoint.Route}: {(e.Endpoint.WithoutResidentData ? "both audited and without resident data" : "neither audited nor without resident data")}"));
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task Who_calls_and_what_they_reach_come_from_the_token_not_from_a_parameter_a_client_sends()
    {
        using var anyone = stack.Anonymous();
        foreach (var service in Operations.Services)
        {
            var document = await anyone.GetStringAsync($"/openapi/{service}.json");
            foreach (var bound in new[] { "\"caller\"", "\"scope\"", "\"X-Actor\"" })
            {
                Assert.DoesNotContain(bound, document, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("calendar", "GET", "/api/calendar/activities/{id:guid}/attendance/", "signup")]
    [InlineData("matching", "GET", "/api/matching/check-ins/", "match")]
    [InlineData("matching", "GET", "/api/matching/vog-warnings/", "volunteer")]
    public async Task Routes_that_used_to_bypass_their_group_have_roles_and_audit(string service, string method, string route, string audited)
    {
        var endpoint = Assert.Single(await AllAsync(stack), e => e.Service == service && e.Endpoint.Method == method && e.Endpoint.Route == route).Endpoint;
        Assert.Equal(audited, endpoint.AuditedAs);
        Assert.Contains("coordinator", endpoint.Roles);
    }

    [Fact]
    public async Task The_coordinators_check_in_list_is_audited_and_the_attendance_list_is_the_coordinators()
    {
        using var coordinator = stack.Coordinator("Coördinator Mirjam");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await coordinator.GetAsync("/api/matching/check-ins")).StatusCode);
        await using var db = await stack.OpenDatabaseAsync("matchingdb");
        await using var lines = new NpgsqlCommand("SELECT count(*) FROM audit_log WHERE endpoint = 'GET /api/matching/check-ins/' AND actor_name = 'Coördinator Mirjam'", db);
        Assert.True((long)(await lines.ExecuteScalarAsync())! >= 1);

        // Before, the attendance list fell to the administrators-only fallback.
        var activity = await Calendar.CalendarKit.CreateAsync(coordinator, Calendar.CalendarKit.Games(Calendar.CalendarKit.UniqueRoom(), Calendar.CalendarKit.At(Calendar.CalendarKit.RandomMonday(), 14)));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await coordinator.GetAsync($"/api/calendar/activities/{activity.GetProperty("id").GetGuid()}/attendance")).StatusCode);
    }
}
