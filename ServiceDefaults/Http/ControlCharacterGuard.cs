using Microsoft.AspNetCore.Mvc;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>
/// The one place where every API endpoint's input is checked for control characters before any of
/// it is bound or stored: query values, route values and every text of a JSON body. A bad one is a
/// 400 that names the field. Runs after authentication and authorization (a caller who may not call
/// the endpoint learns nothing about its input), and only for API handlers, so the gateway does
/// not read the bodies it proxies.
/// </summary>
internal sealed class ControlCharacterGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is null)
        {
            await next(context);
            return;
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in context.Request.Query)
        {
            if (!InputText.IsAllowed(key, lineBreaks: false) || values.Any(v => v is not null && !InputText.IsAllowed(v, lineBreaks: false)))
            {
                errors.TryAdd(InputText.IsAllowed(key, lineBreaks: false) ? key : "query", [InputText.ControlCharacterMessage]);
            }
        }
        foreach (var (key, value) in context.Request.RouteValues)
        {
            if (value is string text && !InputText.IsAllowed(text, lineBreaks: false))
            {
                errors.TryAdd(key, [InputText.ControlCharacterMessage]);
            }
        }
        if (errors.Count == 0 && context.Request.HasJsonContentType() && context.Request.ContentLength is not 0)
        {
            foreach (var (field, messages) in await ScanBodyAsync(context.Request))
            {
                errors.TryAdd(field, messages);
            }
        }
        if (errors.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "shared.request-invalid" },
            });
            return;
        }
        await next(context);
    }

    /// <summary>Reads the body once, looks at it, and rewinds it for the binder.</summary>
    private static async Task<Dictionary<string, string[]>> ScanBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength : 4096);
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return InputText.ScanJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
