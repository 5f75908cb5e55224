using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Idempotency-Key on every write of a service with a database (<see cref="IdempotentWrites"/>).</summary>
public static class IdempotencyExtensions
{
    public static IHostApplicationBuilder AddIdempotentWrites(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencyCleanup>();
        builder.Services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddOperationTransformer<IdempotencyKeyInOpenApi>());
        return builder;
    }

    /// <summary>Only where <see cref="AddIdempotentWrites"/> registered the store: not in the gateway, which only forwards the header.</summary>
    public static WebApplication UseIdempotentWrites(this WebApplication app)
    {
        if (app.Services.GetService<IdempotencyStore>() is not null)
        {
            app.UseMiddleware<IdempotentWrites>();
        }
        return app;
    }
}

/// <summary>Documents the optional Idempotency-Key header on every write operation.</summary>
internal sealed class IdempotencyKeyInOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod is not { } method || !IdempotencyKey.AppliesTo(method))
        {
            return Task.CompletedTask;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: a unique key (a UUID) per request. The same key with the same body within 24 hours "
                + "is carried out once and answered with the first answer again (header Idempotency-Replayed: true); the same key with "
                + "another body or path is refused with 422; while the first request with the key is in progress, 409 with Retry-After. "
                + "Keys are the caller's own.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
        });
        return Task.CompletedTask;
    }
}
