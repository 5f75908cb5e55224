using Microsoft.AspNetCore.Mvc;

namespace WijPlatform.Gateway.Security;

/// <summary>
/// Refuses a declared body over the limit with 413 before anything reads it; Kestrel's own limit
/// stops a chunked body that grows past it while it is being forwarded.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, GatewayLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limits.MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"At most {limits.MaxRequestBodyBytes / 1024} KiB.",
                },
            });
            return;
        }
        await next(context);
    }
}
