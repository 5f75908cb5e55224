using WijPlatform.ServiceDefaults.Http;

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
            await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {limits.MaxRequestBodyBytes / 1024} KiB.");
            return;
        }
        await next(context);
    }
}
