using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Every endpoint says whether it touches residents' data: <see cref="Audited"/> (every call is
/// written to the audit trail with the caller, the record, the residents concerned and the outcome)
/// or <see cref="WithoutResidentData"/>. The endpoint report lists both, and a test fails on an
/// endpoint that says neither. A change made through a unit of work is recorded in that same
/// transaction; anything else right after it is answered; a call refused before the endpoint runs
/// (no token, a role that may not) by <see cref="AuditedAuthorizationResults"/>.
/// </summary>
public static class AuditConventions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string recordType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedRecord(recordType)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var pending = new PendingAudit(Entry(http, recordType));
            http.Features.Set(pending);
            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            var residents = ResidentsIn(answer, recordType).Except(pending.Entry.ResidentIds).ToArray();
            // Written already in the change's transaction, unless the answer names residents that
            // line could not know yet, such as the one just registered.
            if (!pending.Written || residents.Length > 0)
            {
                var entry = pending.Entry with
                {
                    ResidentIds = [.. pending.Entry.ResidentIds, .. residents],
                    Outcome = StatusOf(answer, http).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                await http.RequestServices.GetRequiredService<AuditTrail>().WriteAsync(entry, http.RequestAborted);
            }
            return result;
        });

    /// <summary>The endpoint reads and changes no resident's data (menus, the public calendar, counts, the platform's plumbing).</summary>
    public static TBuilder WithoutResidentData<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(NoResidentData.Instance);

    internal static AuditEntry Entry(HttpContext http, string recordType)
    {
        var user = http.User;
        var route = http.Request.RouteValues;
        var residents = new List<Guid>();
        if (Guid.TryParse(route["residentId"]?.ToString(), out var resident))
        {
            residents.Add(resident);
        }
        var recordId = route["id"]?.ToString();
        if (recordType == "resident" && Guid.TryParse(recordId, out var self))
        {
            residents.Add(self);
        }
        return new AuditEntry(
            user.Subject() ?? "anonymous",
            user.Identity?.Name,
            user.Roles(),
            user.OnBehalfOf(),
            http.Request.Method switch { "GET" or "HEAD" => "read", "DELETE" => "delete", _ => "change" },
            recordType,
            recordId ?? route.Where(v => v.Key.EndsWith("Id", StringComparison.Ordinal)).Select(v => v.Value?.ToString()).FirstOrDefault(),
            [.. residents],
            $"{http.Request.Method} {EndpointOf(http)}",
            ClientAddress(http));
    }

    /// <summary>The route template; for a catch-all route (the gateway's) the path, which holds ids but never a name (the query is left out).</summary>
    private static string? EndpointOf(HttpContext http) =>
        http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } && !template.Contains("{**", StringComparison.Ordinal)
            ? template
            : http.Request.Path.Value;

    /// <summary>Where the call came from: the caller's address as the gateway forwarded it, and the hop it came through.</summary>
    private static string? ClientAddress(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress?.ToString();
        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString();
        return string.IsNullOrEmpty(forwarded) ? remote : $"{forwarded} via {remote}";
    }

    private static int StatusOf(object? result, HttpContext http) =>
        result is IStatusCodeHttpResult { StatusCode: { } status } ? status : http.Response.StatusCode;

    /// <summary>The residents a response is about: a resident's own id, or the ResidentId of a record or of each record on a page.</summary>
    private static IEnumerable<Guid> ResidentsIn(object? result, string recordType)
    {
        var value = result is IValueHttpResult { Value: { } v } ? v : null;
        if (value is null)
        {
            return [];
        }
        var items = value.GetType().GetProperty("Items")?.GetValue(value) is System.Collections.IEnumerable list and not string
            ? list.Cast<object>()
            : [value];
        return items.Select(item => ResidentOf(item, recordType)).OfType<Guid>().Distinct();
    }

    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    private static Guid? ResidentOf(object item, string recordType)
    {
        var property = Properties.GetOrAdd((item.GetType(), recordType), key =>
            key.Item1.GetProperty("ResidentId") ?? (key.Item2 == "resident" ? key.Item1.GetProperty("Id") : null));
        return property?.GetValue(item) as Guid?;
    }
}

/// <summary>Endpoint metadata: calls are audited as this record type.</summary>
public sealed record AuditedRecord(string RecordType);

/// <summary>Endpoint metadata: the endpoint holds no resident's data, so it is not audited.</summary>
public sealed class NoResidentData
{
    public static NoResidentData Instance { get; } = new();

    private NoResidentData()
    {
    }
}

/// <summary>The audit line of the request in progress, until it is written.</summary>
public sealed class PendingAudit(AuditEntry entry)
{
    public AuditEntry Entry { get; } = entry;

    public bool Written { get; set; }
}
