using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// One endpoint as the service maps it: who may call it (<paramref name="RolesDeclared"/> false means
/// it said nothing and falls to the administrators-only fallback), whether it is audited and as what,
/// which record scopes its handler binds, and whether its handler writes through a unit of work
/// (<paramref name="WritesInUnitOfWork"/>: the handler or a service it binds depends on <see cref="UnitOfWorkFactory"/>),
/// which is how a write stores its Idempotency-Key in the transaction of its effect.
/// </summary>
public sealed record EndpointAccess(
    string Method,
    string Route,
    bool Anonymous,
    bool RolesDeclared,
    IReadOnlyList<string> Roles,
    string? AuditedAs,
    bool WithoutResidentData,
    IReadOnlyList<string> Scopes,
    bool WritesInUnitOfWork);

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
            ScopesOf(metadata.GetMetadata<MethodInfo>()),
            DependsOnUnitOfWork(metadata.GetMetadata<MethodInfo>()));
    }

    /// <summary>
    /// Whether the handler binds <see cref="UnitOfWorkFactory"/>, or a service of the application whose
    /// constructor does (a few levels down): the only way a handler reaches a unit of work.
    /// </summary>
    private static bool DependsOnUnitOfWork(MethodInfo? handler)
    {
        var seen = new HashSet<Type>();
        var next = (handler?.GetParameters() ?? []).Select(p => p.ParameterType).ToList();
        for (var depth = 0; depth < 4 && next.Count > 0; depth++)
        {
            if (next.Contains(typeof(UnitOfWorkFactory)))
            {
                return true;
            }
            next = next.Where(type => seen.Add(type) && type.IsClass && type.Assembly != typeof(object).Assembly
                    && !(type.Namespace ?? "").StartsWith("Microsoft.", StringComparison.Ordinal) && !(type.Namespace ?? "").StartsWith("System", StringComparison.Ordinal))
                .SelectMany(type => type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .ToList();
        }
        return false;
    }

    private static List<string> ScopesOf(MethodInfo? handler) =>
        (handler?.GetParameters() ?? [])
            .Select(p => p.ParameterType)
            .Where(type => type.IsAssignableTo(typeof(IRecordScope)))
            .Select(type => (string)type.GetProperty(nameof(IRecordScope.Kind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .ToList();
}
