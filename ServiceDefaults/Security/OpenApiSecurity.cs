using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>Declares bearer tokens in every service's OpenAPI document.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Id = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Id] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the municipality's identity provider, or the gateway's token for a partner API key. In development: ./wij token <role>.",
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// Writes who may call each operation into the document (<c>x-roles</c>), from the same metadata
/// the authorization middleware enforces, so that the role matrix test can hold the two together.
/// </summary>
public sealed class RolesInOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }
        var roles = AllowedRoles(metadata.OfType<IAuthorizeData>());
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityScheme.Id, context.Document)] = [] }];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        return Task.CompletedTask;
    }

    /// <summary>Every [Authorize] on the endpoint and its groups must hold, so the roles intersect.</summary>
    public static IReadOnlyList<string> AllowedRoles(IEnumerable<IAuthorizeData> authorizations)
    {
        IEnumerable<string>? allowed = null;
        foreach (var roles in authorizations.Select(a => a.Roles).Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var set = roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            allowed = allowed is null ? set : allowed.Intersect(set);
        }
        return (allowed ?? [WijRoles.Admin]).Order(StringComparer.Ordinal).ToList();
    }
}
