using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// Shows the limits that the OpenAPI generator does not: the values an <see cref="AllowedValuesAttribute"/>
/// permits (as an enum) and the length of each item of a list (<see cref="ItemLengthAttribute"/>), for
/// body properties and query parameters alike.
/// </summary>
internal sealed class OpenApiInputLimits : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var attribute in AttributesOf(context))
        {
            switch (attribute)
            {
                case AllowedValuesAttribute allowed when schema.Enum is not { Count: > 0 }:
                    schema.Enum = allowed.Values.Select(v => v is null ? null! : (JsonNode)JsonValue.Create(v.ToString())!).ToList();
                    break;
                case ItemLengthAttribute item when schema.Items is OpenApiSchema items:
                    items.MaxLength = item.MaximumLength;
                    if (item.MinimumLength > 0)
                    {
                        items.MinLength = item.MinimumLength;
                    }
                    break;
            }
        }
        return Task.CompletedTask;
    }

    private static object[] AttributesOf(OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is { } property)
        {
            return property.GetCustomAttributes(inherit: true);
        }
        if (context.ParameterDescription?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } parameter })
        {
            return parameter.GetCustomAttributes(inherit: true);
        }
        return [];
    }
}
