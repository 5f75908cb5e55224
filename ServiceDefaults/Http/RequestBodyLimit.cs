namespace WijPlatform.ServiceDefaults.Http;

/// <summary>How large a request may be (section <c>Http</c>; the gateway also reads <c>Gateway:MaxRequestBodyBytes</c>).</summary>
public sealed class RequestLimits
{
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Refuses a declared body over the limit with 413 before anything reads it; Kestrel's own limit
/// stops a chunked body that grows past it while it is being read or forwarded.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<RequestLimits> limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var max = limits.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "shared.body-too-large", new Texts.Text("shared.body-too-large.detail", max / 1024));
            return;
        }
        await next(context);
    }
}
