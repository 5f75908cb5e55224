using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using WijPlatform.ServiceDefaults.Texts;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every error is RFC 9457 problem details: unreadable input is a 400 with the field that was
/// wrong, an unreachable database a 503 the caller may retry, anything else a 500 without details.
/// </summary>
public static class ProblemDetailsDefaults
{
    public static IHostApplicationBuilder AddProblemDetailsDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            if (context.HttpContext.RequestServices.GetService<TextCatalogue>() is { } texts)
            {
                ProblemTexts.Render(context.ProblemDetails, texts);
            }
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                // Field names as the client wrote them in JSON (camelCase), whichever validator found the error.
                var errors = validation.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
                validation.Errors.Clear();
                foreach (var (field, messages) in errors)
                {
                    validation.Errors[field] = messages;
                }
            }
        });
        builder.AddLanguages();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<StatementErrorHandler>();
        builder.Services.ConfigureAll<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(openApi => openApi.AddSchemaTransformer<OpenApiInputLimits>());
        // Binding failures must reach the exception handler so that they become field errors, not empty 400s.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        // A field the endpoint does not know is a mistake the caller must hear about (a misspelt or
        // misplaced field silently ignored looks like success), so it is a 400 naming the field.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        return builder;
    }

    /// <param name="beforeAuthentication">Middleware that must answer before anyone is authenticated, such as CORS preflights.</param>
    /// <param name="afterAuthentication">Middleware that needs to know the caller but must run before
    /// authorization refuses anyone, such as the gateway's rate limiter.</param>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? beforeAuthentication = null, Action<WebApplication>? afterAuthentication = null)
    {
        app.UseRequestProtection();
        // Before the exception handler and status code pages: their problems are in the caller's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        beforeAuthentication?.Invoke(app);
        app.UseWijAuthentication(afterAuthentication);
        app.UseMiddleware<ControlCharacterGuard>();
        // After authorization: a key belongs to the caller, and only a caller who may write may replay.
        app.UseIdempotentWrites();
        return app;
    }
}

internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var errors = new Dictionary<string, Text>();
        if (badRequest.InnerException is JsonException unmapped && UnknownFields.Field(unmapped) is { } unknown)
        {
            errors[unknown] = UnknownFields.Message;
        }
        else if (badRequest.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
            errors[field == "" ? "body" : field] = SharedTexts.Unreadable;
        }
        else
        {
            errors["request"] = badRequest.StatusCode == StatusCodes.Status400BadRequest ? SharedTexts.RequestUnreadable : badRequest.Message;
        }
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => new[] { e.Value.Key })) { Status = badRequest.StatusCode };
        problem.Extensions.Add(ProblemTexts.Errors(errors).Single());
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ProblemTexts.With(problem, badRequest.StatusCode == StatusCodes.Status400BadRequest ? SharedTexts.RequestInvalid : SharedTexts.RequestRefused, null),
        });
    }
}

/// <summary>Answers nothing itself (the request is a 500): it makes sure no connection that saw the statement error serves another request.</summary>
internal sealed class StatementErrorHandler(IServiceProvider services) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        ValueTask.FromResult(StatementErrors.ReplaceConnectionsAfter(exception, services.GetService<NpgsqlDataSource>()));
}

internal sealed partial class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!TransientFaults.IsDatabaseUnavailable(exception))
        {
            return false;
        }
        // The SQL state or the inner exception's type says which (pool exhausted, server gone, timeout)
        // without any message text that might quote data.
        var reason = exception is Npgsql.PostgresException pg ? pg.SqlState : exception.InnerException?.GetType().Name;
        LogDatabaseUnavailable(logger, exception.GetType().Name, reason);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ProblemTexts.With(new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable }, SharedTexts.Unavailable, SharedTexts.DatabaseUnreachable),
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable: {ExceptionType} ({Reason})")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string exceptionType, string? reason);
}
