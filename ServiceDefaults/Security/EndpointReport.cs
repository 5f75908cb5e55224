using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// One endpoint as the service maps it: who may call it (<paramref name="RolesDeclared"/> false means
/// it said nothing and falls to the administrators-only fallback), whether it is audited and as what,
/// and which record scopes its handler binds.
/// </summary>
public sealed record EndpointAccess(
    string Method,
    string Route,
    bool Anonymous,
    bool RolesDeclared,
    IReadOnlyList<string> Roles,
    string? AuditedAs,
    bool WithoutResidentData,
    IReadOnlyList<string> Scopes);

/// <summary>Every endpoint the service maps, read from its endpoint data source, for operators and for the test that holds every endpoint to declaring its roles and its audit.</summary>
public static class EndpointReport
{
    public static RouteHandlerBuilder MapEndpointReport(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.QueueName;
        return app.MapGet($"/api/{service}/admin/endpoints", (EndpointDataSource endpoints) => TypedResults.Ok(Describe(endpoints)))
            .WithTags("Operations").WithSummary("Every endpoint of the service: the roles that may call it, whether it is audited, the record scopes it applies")
            .RequireRoles(WijRoles.Operator).WithoutResidentData();
    }

    public static IReadOnlyList<EndpointAccess> Describe(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => Describe(method, e)))
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    private static EndpointAccess Describe(string method, RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        var authorizations = metadata.GetOrderedMetadata<IAuthorizeData>();
        var anonymous = metadata.GetMetadata<IAllowAnonymous>() is not null;
        return new EndpointAccess(
            method,
            endpoint.RoutePattern.RawText ?? "",
            anonymous,
            anonymous || authorizations.Any(a => !string.IsNullOrWhiteSpace(a.Roles)),
            anonymous ? [] : RolesInOpenApi.AllowedRoles(authorizations),
            metadata.GetMetadata<AuditedRecord>()?.RecordType,
            metadata.GetMetadata<NoResidentData>() is not null,
            ScopesOf(metadata.GetMetadata<MethodInfo>()));
    }

    private static List<string> ScopesOf(MethodInfo? handler) =>
        (handler?.GetParameters() ?? [])
            .Select(p => p.ParameterType)
            .Where(type => type.IsAssignableTo(typeof(IRecordScope)))
            .Select(type => (string)type.GetProperty(nameof(IRecordScope.Kind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .ToList();
}
